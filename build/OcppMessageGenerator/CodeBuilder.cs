using System;
using System.Collections.Generic;
using System.Text;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>
/// Writes C# source with four-space indentation and '\n' line ends, laid out as the repository's hand-written code:
/// a blank line after a closing brace unless another brace, else or a case label follows, and no blank line before a
/// closing brace.
/// </summary>
internal sealed class CodeBuilder
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _afterClosingBrace;
    private bool _lastLineBlank;

    /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
    public CodeBuilder Line(string line = "")
    {
        if (line.Length == 0)
        {
            if (!_lastLineBlank)
            {
                _text.Append('\n');
                _lastLineBlank = true;
            }

            _afterClosingBrace = false;
            return this;
        }

        if (_afterClosingBrace && !_lastLineBlank && !line.StartsWith('}') && !line.StartsWith("else", StringComparison.Ordinal)
            && !line.StartsWith("case ", StringComparison.Ordinal) && !line.StartsWith("default:", StringComparison.Ordinal))
        {
            _text.Append('\n');
        }

        _text.Append(' ', _indent * 4);
        _text.Append(line);
        _text.Append('\n');
        _afterClosingBrace = false;
        _lastLineBlank = false;
        return this;
    }

    /// <summary>Writes "{" and indents.</summary>
    public CodeBuilder Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes "}" (plus a suffix such as ";").</summary>
    public CodeBuilder Close(string suffix = "")
    {
        if (_lastLineBlank)
        {
            _text.Length--;
        }

        _indent--;
        _lastLineBlank = false;
        Line("}" + suffix);
        _afterClosingBrace = true;
        return this;
    }

    /// <summary>Longest line a doc comment is wrapped to, indentation included (the repository's hand-written limit).</summary>
    public const int MaxLineLength = 120;

    /// <summary>Writes an XML doc summary: on one line if it fits, else wrapped at spaces between summary tags.</summary>
    public CodeBuilder Summary(string text)
    {
        string oneLine = "/// <summary>" + text + "</summary>";
        if (_indent * 4 + oneLine.Length <= MaxLineLength)
        {
            return Line(oneLine);
        }

        Line("/// <summary>");
        Comment(text);
        return Line("/// </summary>");
    }

    /// <summary>Writes doc comment text ("/// ..."), wrapped at spaces to <see cref="MaxLineLength"/>.</summary>
    public CodeBuilder Comment(string text)
    {
        int width = MaxLineLength - _indent * 4 - "/// ".Length;
        var line = new StringBuilder();
        foreach (string word in Words(text))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                Line("/// " + line);
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            Line("/// " + line);
        }

        return this;
    }

    /// <summary>Splits at spaces, keeping XML tags such as &lt;paramref name="error"/&gt; whole.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        int tagDepth = 0;
        foreach (char c in text)
        {
            if (c == '<')
            {
                tagDepth++;
            }
            else if (c == '>' && tagDepth > 0)
            {
                tagDepth--;
            }

            if (c == ' ' && tagDepth == 0)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public override string ToString()
    {
        return _text.ToString();
    }
}
