//! The TOML parser's own words for a syntax error, and for what it
//! expected there, by the English it uses (`toml:<its words>`): a message
//! not listed here is shown as the parser wrote it.

/// (id, 中文, English)
pub(super) const STRINGS: &[(&str, &str, &str)] = &[
    // What went wrong.
    (
        "toml:`_` may only go between digits",
        "`_` 只能出现在数字之间",
        "`_` may only go between digits",
    ),
    (
        "toml:cannot recurse further; max recursion depth met",
        "嵌套太深，超过了最大深度",
        "cannot recurse further; max recursion depth met",
    ),
    (
        "toml:carriage return must be followed by newline",
        "回车符后面必须是换行符",
        "carriage return must be followed by newline",
    ),
    ("toml:duplicate key", "键重复", "duplicate key"),
    ("toml:extra `=`", "多余的 `=`", "extra `=`"),
    (
        "toml:extra assignment between key-value pairs",
        "键值对之间多了赋值",
        "extra assignment between key-value pairs",
    ),
    (
        "toml:extra comma in array",
        "数组中多了逗号",
        "extra comma in array",
    ),
    (
        "toml:extra comma in inline table",
        "内联表中多了逗号",
        "extra comma in inline table",
    ),
    (
        "toml:integers with a radix cannot be signed",
        "带进制前缀的整数不能有正负号",
        "integers with a radix cannot be signed",
    ),
    (
        "toml:invalid basic string",
        "字符串无效（少了结尾的 `\"`？）",
        "invalid basic string",
    ),
    (
        "toml:invalid binary number",
        "二进制数无效",
        "invalid binary number",
    ),
    (
        "toml:invalid boolean",
        "布尔值无效（应为 true 或 false）",
        "invalid boolean",
    ),
    (
        "toml:invalid comment character",
        "注释中有无效的字符",
        "invalid comment character",
    ),
    (
        "toml:invalid date-time",
        "日期时间无效",
        "invalid date-time",
    ),
    ("toml:invalid exponent", "指数无效", "invalid exponent"),
    ("toml:invalid float", "小数无效", "invalid float"),
    ("toml:invalid fraction", "小数部分无效", "invalid fraction"),
    (
        "toml:invalid hexadecimal number",
        "十六进制数无效",
        "invalid hexadecimal number",
    ),
    (
        "toml:invalid inline table element",
        "内联表的元素无效",
        "invalid inline table element",
    ),
    (
        "toml:invalid integer number",
        "整数无效",
        "invalid integer number",
    ),
    ("toml:invalid key", "键无效", "invalid key"),
    (
        "toml:invalid key-value pair",
        "键值对无效",
        "invalid key-value pair",
    ),
    (
        "toml:invalid literal string",
        "字符串无效（少了结尾的 `'`？）",
        "invalid literal string",
    ),
    ("toml:invalid mantissa", "数值部分无效", "invalid mantissa"),
    (
        "toml:invalid multi-line basic string",
        "多行字符串无效（少了结尾的 `\"\"\"`？）",
        "invalid multi-line basic string",
    ),
    (
        "toml:invalid multi-line literal string",
        "多行字符串无效（少了结尾的 `'''`？）",
        "invalid multi-line literal string",
    ),
    (
        "toml:invalid octal number",
        "八进制数无效",
        "invalid octal number",
    ),
    ("toml:invalid string", "字符串无效", "invalid string"),
    ("toml:invalid table", "表头无效", "invalid table"),
    (
        "toml:invalid unquoted key",
        "不带引号的键无效",
        "invalid unquoted key",
    ),
    ("toml:invalid value", "值无效", "invalid value"),
    ("toml:key with no value", "键没有值", "key with no value"),
    (
        "toml:keys cannot be multi-line basic strings",
        "键不能是多行字符串",
        "keys cannot be multi-line basic strings",
    ),
    (
        "toml:keys cannot be multi-line literal strings",
        "键不能是多行字符串",
        "keys cannot be multi-line literal strings",
    ),
    (
        "toml:missing array opening",
        "缺少数组开头的 `[`",
        "missing array opening",
    ),
    (
        "toml:missing assignment between key-value pairs",
        "键值对之间缺少赋值",
        "missing assignment between key-value pairs",
    ),
    (
        "toml:missing comma between array elements",
        "数组元素之间缺少逗号",
        "missing comma between array elements",
    ),
    (
        "toml:missing comma between key-value pairs",
        "键值对之间缺少逗号",
        "missing comma between key-value pairs",
    ),
    (
        "toml:missing comment start",
        "缺少注释开头的 `#`",
        "missing comment start",
    ),
    (
        "toml:missing escaped value",
        "转义符 `\\` 后面缺少字符",
        "missing escaped value",
    ),
    (
        "toml:missing inline table opening",
        "缺少内联表开头的 `{`",
        "missing inline table opening",
    ),
    (
        "toml:missing key for inline table element",
        "内联表的元素缺少键",
        "missing key for inline table element",
    ),
    (
        "toml:missing opening quote",
        "缺少开头的引号",
        "missing opening quote",
    ),
    (
        "toml:missing table open",
        "缺少表头开头的 `[`",
        "missing table open",
    ),
    (
        "toml:missing value for key",
        "键缺少值",
        "missing value for key",
    ),
    ("toml:missing value", "缺少值", "missing value"),
    (
        "toml:radix must be lowercase",
        "进制前缀必须小写",
        "radix must be lowercase",
    ),
    (
        "toml:redundant integer number prefix",
        "多余的整数前缀",
        "redundant integer number prefix",
    ),
    (
        "toml:redundant numeric sign",
        "多余的正负号",
        "redundant numeric sign",
    ),
    (
        "toml:string values must be quoted",
        "字符串值必须加引号",
        "string values must be quoted",
    ),
    (
        "toml:too few unicode value digits",
        "Unicode 转义的位数不够",
        "too few unicode value digits",
    ),
    (
        "toml:unclosed array table",
        "数组表的表头没有闭合",
        "unclosed array table",
    ),
    ("toml:unclosed array", "数组没有闭合", "unclosed array"),
    (
        "toml:unclosed inline table",
        "内联表没有闭合",
        "unclosed inline table",
    ),
    ("toml:unclosed table", "表头没有闭合", "unclosed table"),
    (
        "toml:unexpected `=` in array",
        "数组中出现了 `=`",
        "unexpected `=` in array",
    ),
    (
        "toml:unexpected content between comment and newline",
        "注释和换行之间有多余的内容",
        "unexpected content between comment and newline",
    ),
    (
        "toml:unexpected content",
        "多余的内容",
        "unexpected content",
    ),
    (
        "toml:unexpected key or value",
        "多余的键或值（一行只写一个键值对）",
        "unexpected key or value",
    ),
    (
        "toml:unexpected leading zero",
        "数字不能以 0 开头",
        "unexpected leading zero",
    ),
    ("toml:unexpected sign", "多余的正负号", "unexpected sign"),
    (
        "toml:unquoted keys cannot be empty",
        "不带引号的键不能为空",
        "unquoted keys cannot be empty",
    ),
    // What it expected there.
    ("toml:basic string", "带 `\"` 的字符串", "basic string"),
    ("toml:literal string", "带 `'` 的字符串", "literal string"),
    (
        "toml:multi-line basic string",
        "多行字符串",
        "multi-line basic string",
    ),
    (
        "toml:multi-line literal string",
        "多行字符串",
        "multi-line literal string",
    ),
    ("toml:characters", "字符", "characters"),
    ("toml:digits", "数字", "digits"),
    ("toml:numbers", "数字", "numbers"),
    ("toml:letters", "字母", "letters"),
    ("toml:key", "键", "key"),
    ("toml:value", "值", "value"),
    ("toml:newline", "换行", "newline"),
    ("toml:whitespace", "空白", "whitespace"),
    ("toml:comment", "注释", "comment"),
    ("toml:end-of-input", "文件结尾", "end-of-input"),
    (
        "toml:unicode hexadecimal value",
        "十六进制的 Unicode 码",
        "unicode hexadecimal value",
    ),
    (
        "toml:printable characters",
        "可打印的字符",
        "printable characters",
    ),
    (
        "toml:non-double-quote visible characters",
        "`\"` 以外的可见字符",
        "non-double-quote visible characters",
    ),
    (
        "toml:non-single-quote characters",
        "`'` 以外的字符",
        "non-single-quote characters",
    ),
    (
        "toml:non-single-quote visible characters",
        "`'` 以外的可见字符",
        "non-single-quote visible characters",
    ),
];
