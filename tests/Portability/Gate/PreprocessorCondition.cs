using System;
using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// Evaluates the <c>[#if ...]</c> suffix of an API line (<c>NANOCLR_REFLECTION</c>,
/// <c>NANOCLR_APPDOMAINS &amp;&amp; NANOCLR_REFLECTION</c>, <c>!X</c>, <c>(A || B)</c>) against the symbols the
/// package is built with. The symbols come from the file header (<c># ref: ... ; defines: NANOCLR_REFLECTION ;</c>),
/// so mscorlib counts as built WITH reflection. <c>NANOCLR_APPDOMAINS</c> is never defined in any shipped build
/// (README of the API list), so members guarded by it are absent whatever a header says.
/// </summary>
public static class PreprocessorCondition
{
    /// <summary>Symbols that no nanoFramework 1.x package is built with.</summary>
    public static readonly IReadOnlySet<string> NeverDefined = new HashSet<string>(StringComparer.Ordinal) { "NANOCLR_APPDOMAINS" };

    public static bool Evaluate(string condition, IReadOnlySet<string> defined)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var parser = new Parser(condition, defined);
        bool value = parser.ParseOr();
        parser.ExpectEnd();
        return value;
    }

    /// <summary>Recursive descent over <c>|| &amp;&amp; ! ( ) true false SYMBOL</c>.</summary>
    private sealed class Parser(string text, IReadOnlySet<string> defined)
    {
        private int _position;

        public bool ParseOr()
        {
            bool value = ParseAnd();
            while (Accept("||"))
            {
                value |= ParseAnd();
            }

            return value;
        }

        public void ExpectEnd()
        {
            SkipBlanks();
            if (_position != text.Length)
            {
                throw new FormatException("Unexpected text in condition '" + text + "' at " + _position);
            }
        }

        private bool ParseAnd()
        {
            bool value = ParseUnary();
            while (Accept("&&"))
            {
                value &= ParseUnary();
            }

            return value;
        }

        private bool ParseUnary()
        {
            if (Accept("!"))
            {
                return !ParseUnary();
            }

            if (Accept("("))
            {
                bool inner = ParseOr();
                if (!Accept(")"))
                {
                    throw new FormatException("Missing ')' in condition '" + text + "'");
                }

                return inner;
            }

            SkipBlanks();
            int start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw new FormatException("Expected a symbol in condition '" + text + "' at " + start);
            }

            string symbol = text.Substring(start, _position - start);
            if (symbol == "true")
            {
                return true;
            }

            if (symbol == "false")
            {
                return false;
            }

            return !NeverDefined.Contains(symbol) && defined.Contains(symbol);
        }

        private bool Accept(string token)
        {
            SkipBlanks();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) == 0)
            {
                _position += token.Length;
                return true;
            }

            return false;
        }

        private void SkipBlanks()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
