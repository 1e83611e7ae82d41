namespace Wallbox.Firmware.Ocpp.Messages
{
    /// <summary>
    /// Where a decoder or validator is in a payload, for error descriptions: "meterValue[0].sampledValue[2]". Property
    /// names are pushed on the way down; an array's segment carries the current item index. Nothing is allocated until
    /// <see cref="Describe"/> builds a description (on an error only).
    /// </summary>
    public sealed class OcppPayloadPath
    {
        /// <summary>
        /// Segments kept: the reader's nesting limit (<see cref="Json.JsonReader.MaxDepth"/>); OCPP 1.6 payloads nest
        /// at most 4 deep. Deeper pushes are counted but not kept (the description then ends with "...").
        /// </summary>
        public const int Capacity = Json.JsonReader.MaxDepth;

        private readonly string[] _names = new string[Capacity];
        private readonly int[] _indexes = new int[Capacity];
        private int _depth;

        /// <summary>Number of segments pushed and not popped.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Back to the payload's top level.</summary>
        public void Clear()
        {
            _depth = 0;
        }

        /// <summary>Enters the property <paramref name="name"/> (an object, or an array: then call <see cref="SetIndex"/>).</summary>
        public void Push(string name)
        {
            if (_depth < Capacity)
            {
                _names[_depth] = name;
                _indexes[_depth] = -1;
            }

            _depth++;
        }

        /// <summary>Sets the item index of the innermost segment (an array being read or checked).</summary>
        public void SetIndex(int index)
        {
            if (_depth > 0 && _depth <= Capacity)
            {
                _indexes[_depth - 1] = index;
            }
        }

        /// <summary>Leaves the innermost segment.</summary>
        public void Pop()
        {
            if (_depth > 0)
            {
                _depth--;
            }
        }

        /// <summary>
        /// The path of <paramref name="name"/> below the current segments, e.g. "idTagInfo.status"; with a null name the
        /// current position itself, e.g. "key[3]"; "payload" at the top level with no name.
        /// </summary>
        public string Describe(string name)
        {
            if (_depth == 0)
            {
                return name ?? "payload";
            }

            System.Text.StringBuilder text = new System.Text.StringBuilder();
            int kept = _depth < Capacity ? _depth : Capacity;
            for (int i = 0; i < kept; i++)
            {
                if (i > 0)
                {
                    text.Append('.');
                }

                text.Append(_names[i]);
                if (_indexes[i] >= 0)
                {
                    text.Append('[');
                    text.Append(_indexes[i]);
                    text.Append(']');
                }
            }

            if (_depth > Capacity)
            {
                text.Append("...");
            }

            if (name != null)
            {
                text.Append('.');
                text.Append(name);
            }

            return text.ToString();
        }
    }
}
