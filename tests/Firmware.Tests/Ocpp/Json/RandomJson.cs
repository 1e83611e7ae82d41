using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// Random JSON documents for property tests: mostly valid, with strings full of escapes and multi-byte UTF-8,
/// numbers of every valid shape, random whitespace and nesting up to a chosen depth; a small share of invalid
/// pieces (lone surrogate escapes, raw control characters, bad numbers) — and byte-level mutations of any document.
/// </summary>
internal sealed class RandomJson
{
    private static readonly byte[] InterestingBytes = Encoding.Latin1.GetBytes("{}[],:\"\\0123456789-+.eEtrufalsn \t\n\r'/uD8CxX")
        .Concat(new byte[] { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF })
        .ToArray();

    private readonly Random _random;
    private readonly StringBuilder _text = new StringBuilder();
    private int _maxDepth;

    public RandomJson(int seed)
    {
        _random = new Random(seed);
    }

    public Random Random => _random;

    /// <summary>A document whose nesting never exceeds <paramref name="maxDepth"/> open containers.</summary>
    public string Document(int maxDepth)
    {
        _text.Clear();
        _maxDepth = maxDepth;
        Whitespace();
        if (_random.Next(10) == 0)
        {
            Value(0, false); // any value may be the whole document
        }
        else
        {
            // A chain of first children reaches maxDepth open containers; the rest of the tree is random.
            Container(0, _random.Next(2) == 0, true);
        }

        Whitespace();
        return _text.ToString();
    }

    /// <summary>One to three byte-level mutations: replace, insert, delete, truncate, duplicate or swap.</summary>
    public byte[] Mutate(byte[] document)
    {
        var bytes = new List<byte>(document);
        int mutations = _random.Next(1, 4);
        for (int m = 0; m < mutations; m++)
        {
            int at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
            switch (_random.Next(6))
            {
                case 0:
                    if (bytes.Count > 0)
                    {
                        bytes[at] = SomeByte();
                    }

                    break;
                case 1:
                    bytes.Insert(at, SomeByte());
                    break;
                case 2:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    int length = Math.Min(bytes.Count - at, _random.Next(1, 12));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    if (bytes.Count > 1)
                    {
                        int other = _random.Next(bytes.Count);
                        (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private byte SomeByte() =>
        _random.Next(4) == 0 ? (byte)_random.Next(256) : InterestingBytes[_random.Next(InterestingBytes.Length)];

    private void Value(int depth, bool spine)
    {
        if (spine)
        {
            Container(depth, _random.Next(2) == 0, true);
            return;
        }

        int kind = _random.Next(depth < _maxDepth ? 10 : 7);
        switch (kind)
        {
            case 0:
            case 1:
                String();
                break;
            case 2:
            case 3:
                Number();
                break;
            case 4:
                _text.Append("true");
                break;
            case 5:
                _text.Append("false");
                break;
            case 6:
                _text.Append("null");
                break;
            case 7:
            case 8:
                Container(depth, true, false);
                break;
            default:
                Container(depth, false, false);
                break;
        }
    }

    private void Container(int depth, bool isObject, bool spine)
    {
        _text.Append(isObject ? '{' : '[');
        // Deep documents stay small: fewer items the deeper the level.
        bool spineGoesOn = spine && depth + 1 < _maxDepth;
        int count = Math.Max(spineGoesOn ? 1 : 0, _random.Next(depth < 3 ? 6 : 3));
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                Whitespace();
                _text.Append(',');
            }

            Whitespace();
            if (isObject)
            {
                String();
                Whitespace();
                _text.Append(':');
                Whitespace();
            }

            Value(depth + 1, spineGoesOn && i == 0);
        }

        Whitespace();
        _text.Append(isObject ? '}' : ']');
    }

    private void Whitespace()
    {
        while (_random.Next(5) == 0)
        {
            _text.Append(" \t\n\r"[_random.Next(4)]);
        }
    }

    private void String()
    {
        _text.Append('"');
        int length = _random.Next(4) == 0 ? _random.Next(0, 40) : _random.Next(0, 8);
        // One string in 400 gets an invalid piece: a lone surrogate escape or a raw control character.
        int invalidAt = _random.Next(400) == 0 ? _random.Next(length + 1) : -1;
        for (int i = 0; i <= length; i++)
        {
            int piece = i == invalidAt ? 98 + _random.Next(2) : i == length ? -1 : _random.Next(98);
            if (piece < 0)
            {
                break;
            }

            if (piece < 50)
            {
                char c = (char)_random.Next(0x20, 0x7F);
                if (c == '"' || c == '\\')
                {
                    _text.Append('\\');
                }

                _text.Append(c);
            }
            else if (piece < 60)
            {
                _text.Append('\\').Append("\"\\/bfnrt"[_random.Next(8)]);
            }
            else if (piece < 70)
            {
                int unit = _random.Next(0x10000);
                if (unit >= 0xD800 && unit <= 0xDFFF)
                {
                    unit -= 0x1000;
                }

                _text.Append("\\u").Append(unit.ToString(_random.Next(2) == 0 ? "X4" : "x4", CultureInfo.InvariantCulture));
            }
            else if (piece < 75)
            {
                int codePoint = _random.Next(0x10000, 0x110000);
                string pair = char.ConvertFromUtf32(codePoint);
                _text.Append("\\u").Append(((int)pair[0]).ToString("X4", CultureInfo.InvariantCulture))
                    .Append("\\u").Append(((int)pair[1]).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (piece < 85)
            {
                _text.Append((char)_random.Next(0x80, 0x800));
            }
            else if (piece < 93)
            {
                int c = _random.Next(0x800, 0xFFFE);
                _text.Append((char)(c >= 0xD800 && c <= 0xDFFF ? c - 0x1000 : c));
            }
            else if (piece < 98)
            {
                _text.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
            }
            else if (piece < 99)
            {
                _text.Append("\\u").Append(_random.Next(0xD800, 0xE000).ToString("X4", CultureInfo.InvariantCulture)); // lone surrogate
            }
            else
            {
                _text.Append((char)_random.Next(0, 0x20)); // unescaped control character
            }
        }

        _text.Append('"');
    }

    private void Number()
    {
        if (_random.Next(200) == 0)
        {
            string[] invalid = { "01", "+1", ".5", "1.", "-", "1e", "1e+", "NaN", "-Infinity", "0x10", "1.2.3", "--1" };
            _text.Append(invalid[_random.Next(invalid.Length)]);
            return;
        }

        if (_random.Next(2) == 0)
        {
            _text.Append('-');
        }

        int integerDigits = _random.Next(4) == 0 ? _random.Next(1, 25) : _random.Next(1, 6);
        _text.Append(integerDigits == 1 ? (char)('0' + _random.Next(10)) : (char)('1' + _random.Next(9)));
        for (int i = 1; i < integerDigits; i++)
        {
            _text.Append((char)('0' + _random.Next(10)));
        }

        if (_random.Next(2) == 0)
        {
            _text.Append('.');
            int fractionDigits = _random.Next(1, 12);
            for (int i = 0; i < fractionDigits; i++)
            {
                _text.Append((char)('0' + _random.Next(10)));
            }
        }

        if (_random.Next(4) == 0)
        {
            _text.Append(_random.Next(2) == 0 ? 'e' : 'E');
            int sign = _random.Next(3);
            if (sign > 0)
            {
                _text.Append(sign == 1 ? '+' : '-');
            }

            _text.Append(_random.Next(20) == 0 ? _random.Next(0, 400) : _random.Next(0, 30));
        }
    }
}
