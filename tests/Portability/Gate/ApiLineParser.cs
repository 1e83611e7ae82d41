using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// Parses one line of an API file (format: /work/shared/nanoframework/README.md, "Layout and line format").
/// The <c>[#if X]</c> suffix is handled by <see cref="ApiCatalog"/> before the line gets here.
/// </summary>
public static class ApiLineParser
{
    private static readonly Dictionary<string, ApiTypeKind> Kinds = new(StringComparer.Ordinal)
    {
        ["class"] = ApiTypeKind.Class,
        ["struct"] = ApiTypeKind.Struct,
        ["enum"] = ApiTypeKind.Enum,
        ["interface"] = ApiTypeKind.Interface,
        ["delegate"] = ApiTypeKind.Delegate,
    };

    /// <summary>
    /// <c>T [modifiers] kind Name[&lt;T&gt;][(params) : Return] [: Base, Interface...] [flags] [obsolete]</c>.
    /// </summary>
    public static ApiType ParseType(string line, string file)
    {
        string text = line.Substring(2).Trim();
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        int position = 0;
        ApiTypeKind? kind = null;
        while (kind == null)
        {
            string word = ReadToken(text, ref position) ?? throw new FormatException("No type kind in: " + line);
            if (Kinds.TryGetValue(word, out ApiTypeKind k))
            {
                kind = k;
            }
            else
            {
                modifiers.Add(word);
            }
        }

        SkipBlanks(text, ref position);
        int nameStart = position;
        int depth = 0;
        while (position < text.Length)
        {
            char c = text[position];
            if (depth == 0 && (c == ' ' || c == '('))
            {
                break;
            }

            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            position++;
        }

        var (fullName, genericParameters) = SignatureText.SplitGenericParameters(text.Substring(nameStart, position - nameStart));
        List<string> delegateParameters = null;
        string delegateReturn = null;
        if (kind == ApiTypeKind.Delegate && position < text.Length && text[position] == '(')
        {
            int close = SignatureText.FindClosing(text, position);
            delegateParameters = SignatureText.NormalizeParameterList(text.Substring(position + 1, close - position - 1));
            position = close + 1;
            SkipBlanks(text, ref position);
            if (text.Substring(position).StartsWith(": ", StringComparison.Ordinal))
            {
                position += 2;
                delegateReturn = SignatureText.NormalizeTypeName(ReadToken(text, ref position));
            }
        }

        var bases = new List<string>();
        string rest = text.Substring(position).Trim();
        if (kind != ApiTypeKind.Delegate && rest.StartsWith(": ", StringComparison.Ordinal))
        {
            var parts = SignatureText.SplitTopLevel(rest.Substring(2), ',');
            // The last base may be followed by trailing words ("flags", "obsolete").
            var last = SignatureText.SplitTopLevel(parts[^1], ' ');
            parts[^1] = last[0];
            bases.AddRange(parts.Select(SignatureText.NormalizeTypeName));
            foreach (string word in last.Skip(1))
            {
                modifiers.Add(word);
            }
        }
        else
        {
            foreach (string word in SignatureText.SplitTopLevel(rest, ' ').Where(w => w.Length > 0))
            {
                modifiers.Add(word);
            }
        }

        string baseType = null;
        string underlying = null;
        var interfaces = new List<string>();
        switch (kind.Value)
        {
            case ApiTypeKind.Class:
                // The extractor writes the base class first (System.Object included); ApiCatalog re-checks this
                // once every file is loaded and moves an interface written first into the interface list.
                baseType = bases.Count > 0 ? bases[0] : fullName == "System.Object" ? null : "System.Object";
                interfaces.AddRange(bases.Skip(1));
                break;
            case ApiTypeKind.Struct:
                baseType = "System.ValueType";
                interfaces.AddRange(bases.Where(b => b != "System.ValueType"));
                break;
            case ApiTypeKind.Enum:
                baseType = "System.Enum";
                underlying = bases.Count > 0 ? bases[0] : "System.Int32";
                break;
            case ApiTypeKind.Interface:
                interfaces.AddRange(bases);
                break;
            case ApiTypeKind.Delegate:
                baseType = "System.MulticastDelegate";
                break;
        }

        return new ApiType
        {
            FullName = fullName,
            Kind = kind.Value,
            GenericParameters = genericParameters,
            Modifiers = modifiers,
            BaseType = baseType,
            Interfaces = interfaces,
            EnumUnderlyingType = underlying,
            DelegateParameters = delegateParameters,
            DelegateReturnType = delegateReturn,
            File = file,
            Text = line,
        };
    }

    /// <summary>
    /// <c>C Type..ctor(params) [words]</c>, <c>M Type.Name(params) : Return [words]</c>,
    /// <c>P Type.Name[index] : Type {get;set} [words]</c>, <c>E|F Type.Name : Type [words]</c>.
    /// </summary>
    public static ApiMember ParseMember(string line, string file)
    {
        char letter = line[0];
        string text = line.Substring(2).Trim();
        ApiMemberKind kind = letter switch
        {
            'C' => ApiMemberKind.Constructor,
            'M' => ApiMemberKind.Method,
            'P' => ApiMemberKind.Property,
            'E' => ApiMemberKind.Event,
            'F' => ApiMemberKind.Field,
            _ => throw new FormatException("Unknown line kind '" + letter + "' in: " + line),
        };

        string head;
        List<string> parameters = null;
        string type = null;
        bool getter = false;
        bool setter = false;
        int position;
        if (kind == ApiMemberKind.Constructor || kind == ApiMemberKind.Method)
        {
            int open = SignatureText.IndexOfTopLevel(text, "(");
            int close = open < 0 ? -1 : SignatureText.FindClosing(text, open);
            if (close < 0)
            {
                throw new FormatException("No parameter list in: " + line);
            }

            head = text.Substring(0, open);
            parameters = SignatureText.NormalizeParameterList(text.Substring(open + 1, close - open - 1));
            position = close + 1;
            SkipBlanks(text, ref position);
            if (kind == ApiMemberKind.Method && text.Substring(position).StartsWith(": ", StringComparison.Ordinal))
            {
                position += 2;
                type = SignatureText.NormalizeTypeName(ReadToken(text, ref position));
            }
        }
        else
        {
            int colon = SignatureText.IndexOfTopLevel(text, " : ");
            if (colon < 0)
            {
                throw new FormatException("No ' : Type' in: " + line);
            }

            head = text.Substring(0, colon);
            position = colon + 3;
            type = SignatureText.NormalizeTypeName(ReadToken(text, ref position));
            if (kind == ApiMemberKind.Property)
            {
                if (head.EndsWith(']'))
                {
                    int open = SignatureText.IndexOfTopLevel(head, "[");
                    parameters = SignatureText.NormalizeParameterList(head.Substring(open + 1, head.Length - open - 2));
                    head = head.Substring(0, open);
                }

                SkipBlanks(text, ref position);
                if (position < text.Length && text[position] == '{')
                {
                    int close = SignatureText.FindClosing(text, position);
                    string accessors = text.Substring(position + 1, close - position - 1);
                    foreach (string accessor in accessors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        getter |= accessor.EndsWith("get", StringComparison.Ordinal);
                        setter |= accessor.EndsWith("set", StringComparison.Ordinal) || accessor.EndsWith("init", StringComparison.Ordinal);
                    }

                    position = close + 1;
                }
            }
        }

        string signature = text.Substring(0, Math.Min(position, text.Length)).Trim();
        var modifiers = new HashSet<string>(SignatureText.SplitTopLevel(text.Substring(Math.Min(position, text.Length)), ' ').Where(w => w.Length > 0), StringComparer.Ordinal);
        var (declaringType, name) = SplitDeclaringType(head);
        var (plainName, genericParameters) = SignatureText.SplitGenericParameters(name);
        return new ApiMember
        {
            Kind = kind,
            DeclaringType = SignatureText.SplitGenericParameters(declaringType).Name,
            Name = plainName,
            GenericParameters = genericParameters,
            Parameters = parameters,
            Type = type,
            HasGetter = getter,
            HasSetter = setter,
            Modifiers = modifiers,
            File = file,
            Text = line,
            Signature = signature,
        };
    }

    /// <summary><c>System.Foo..ctor</c> to (<c>System.Foo</c>, <c>.ctor</c>); otherwise split at the last top-level dot.</summary>
    private static (string DeclaringType, string Name) SplitDeclaringType(string head)
    {
        foreach (string special in new[] { "..ctor", "..cctor" })
        {
            if (head.EndsWith(special, StringComparison.Ordinal))
            {
                return (head.Substring(0, head.Length - special.Length), special.Substring(1));
            }
        }

        int depth = 0;
        int lastDot = -1;
        for (int i = 0; i < head.Length; i++)
        {
            char c = head[i];
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == '.' && depth == 0)
            {
                lastDot = i;
            }
        }

        if (lastDot < 0)
        {
            throw new FormatException("No declaring type in: " + head);
        }

        return (head.Substring(0, lastDot), head.Substring(lastDot + 1));
    }

    /// <summary>Reads up to the next blank outside brackets; null at the end.</summary>
    private static string ReadToken(string text, ref int position)
    {
        SkipBlanks(text, ref position);
        if (position >= text.Length)
        {
            return null;
        }

        int start = position;
        int depth = 0;
        while (position < text.Length)
        {
            char c = text[position];
            if (c == ' ' && depth == 0)
            {
                break;
            }

            if (c == '<' || c == '[' || c == '(' || c == '{')
            {
                depth++;
            }
            else if (c == '>' || c == ']' || c == ')' || c == '}')
            {
                depth--;
            }

            position++;
        }

        return text.Substring(start, position - start);
    }

    private static void SkipBlanks(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
