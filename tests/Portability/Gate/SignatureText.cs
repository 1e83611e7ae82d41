using System;
using System.Collections.Generic;
using System.Text;

namespace Wallbox.Portability;

/// <summary>
/// Text helpers for the API list's signature syntax. Both sides of a comparison (API lines and Cecil
/// references, see <see cref="SignatureFormatter"/>) end up in the same normalized form:
/// CLR full names, nested types <c>Outer+Inner</c>, arrays <c>T[]</c>/<c>T[,]</c>, by-ref <c>T&amp;</c>,
/// generic instances <c>Name`1&lt;A,B&gt;</c> (no spaces), no parameter names, no <c>params</c>/<c>this</c>, no defaults.
/// </summary>
public static class SignatureText
{
    /// <summary>
    /// Splits at <paramref name="separator"/> where it is not nested in <c>&lt;&gt;</c>, <c>[]</c>, <c>()</c>, <c>{}</c>
    /// or a quoted default value (<c>System.String = ", "</c>). Parts are trimmed; an all-blank input gives no parts.
    /// </summary>
    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        int depth = 0;
        char quote = '\0';
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'':
                    quote = c;
                    break;
                case '<':
                case '[':
                case '(':
                case '{':
                    depth++;
                    break;
                case '>':
                case ']':
                case ')':
                case '}':
                    depth--;
                    break;
                default:
                    if (c == separator && depth == 0)
                    {
                        parts.Add(text.Substring(start, i - start).Trim());
                        start = i + 1;
                    }

                    break;
            }
        }

        parts.Add(text.Substring(start).Trim());
        return parts;
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, honouring nesting and quotes; -1 if none.</summary>
    public static int FindClosing(string text, int open)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '<' || c == '[' || c == '(' || c == '{')
            {
                depth++;
            }
            else if (c == '>' || c == ']' || c == ')' || c == '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Index of the first <paramref name="value"/> outside brackets and quotes, from <paramref name="start"/>; -1 if none.</summary>
    public static int IndexOfTopLevel(string text, string value, int start = 0)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (depth == 0 && string.CompareOrdinal(text, i, value, 0, value.Length) == 0)
            {
                return i;
            }

            if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '<' || c == '[' || c == '(' || c == '{')
            {
                depth++;
            }
            else if (c == '>' || c == ']' || c == ')' || c == '}')
            {
                depth--;
            }
        }

        return -1;
    }

    /// <summary>
    /// One parameter of an API line to the comparable form: drops a default value (<c>= 400</c>) and the
    /// <c>params</c>/<c>this</c>/<c>scoped</c> words (they do not change the metadata signature), turns
    /// <c>ref</c>/<c>out</c>/<c>in</c>/<c>ref readonly</c> into a by-ref <c>&amp;</c> suffix (that is all the metadata
    /// records), and removes blanks inside generic argument lists.
    /// </summary>
    public static string NormalizeParameter(string parameter)
    {
        string p = parameter.Trim();
        int defaultValue = IndexOfTopLevel(p, " = ");
        if (defaultValue >= 0)
        {
            p = p.Substring(0, defaultValue).Trim();
        }

        bool byRef = false;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (string word in new[] { "params ", "this ", "scoped ", "readonly ", "ref ", "out ", "in " })
            {
                if (p.StartsWith(word, StringComparison.Ordinal))
                {
                    p = p.Substring(word.Length).TrimStart();
                    byRef |= word == "ref " || word == "out " || word == "in ";
                    changed = true;
                }
            }
        }

        p = NormalizeTypeName(p);
        return byRef && !p.EndsWith('&') ? p + "&" : p;
    }

    /// <summary>A type name as written to the comparable form (no blanks: <c>Func`2&lt;A, B&gt;</c> becomes <c>Func`2&lt;A,B&gt;</c>).</summary>
    public static string NormalizeTypeName(string typeName)
    {
        if (typeName == null)
        {
            return null;
        }

        var sb = new StringBuilder(typeName.Length);
        foreach (char c in typeName)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Normalizes a whole parameter list text (between the parentheses or brackets).</summary>
    public static List<string> NormalizeParameterList(string list)
    {
        var result = new List<string>();
        foreach (string part in SplitTopLevel(list, ','))
        {
            if (part.Length > 0)
            {
                result.Add(NormalizeParameter(part));
            }
        }

        return result;
    }

    /// <summary>
    /// Splits <c>System.Action`1&lt;T&gt;</c> into <c>System.Action`1</c> and <c>["T"]</c>; generic method names
    /// <c>Name``1&lt;T&gt;</c> likewise. Names without a trailing argument list come back unchanged.
    /// </summary>
    public static (string Name, List<string> GenericParameters) SplitGenericParameters(string name)
    {
        int open = IndexOfTopLevel(name, "<");
        if (open < 0 || !name.EndsWith('>'))
        {
            return (name, new List<string>());
        }

        var parameters = SplitTopLevel(name.Substring(open + 1, name.Length - open - 2), ',');
        return (name.Substring(0, open), parameters);
    }

    /// <summary>Joins normalized parameters for messages: <c>(System.Int32, System.Byte[])</c>.</summary>
    public static string FormatParameterList(IReadOnlyList<string> parameters, char open = '(', char close = ')')
    {
        return open + string.Join(", ", parameters ?? Array.Empty<string>()) + close;
    }
}
