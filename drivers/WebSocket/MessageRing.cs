using System;

namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// A fixed queue of message slots, each a preallocated array of the largest message: the send and the receive
    /// queue of <see cref="StreamWebSocketClient"/>. A message is written straight into the free slot at the tail
    /// (<see cref="TailSlot"/>, then <see cref="CommitTail"/>) and read from the head, so queueing copies once and
    /// allocates nothing. Memory: <c>slotCount × slotBytes</c> bytes. When every slot is used, <see cref="IsFull"/>
    /// is true and <see cref="TailSlot"/> is null: the caller refuses or drops (its policy).
    /// </summary>
    public sealed class MessageRing
    {
        private readonly byte[][] _slots;
        private readonly int[] _lengths;
        private readonly bool[] _truncated;
        private int _head;
        private int _count;

        /// <summary>Creates <paramref name="slotCount"/> slots of <paramref name="slotBytes"/> bytes each.</summary>
        public MessageRing(int slotCount, int slotBytes)
        {
            if (slotCount <= 0 || slotBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("slotCount", "slot count and size must be positive");
            }

            _slots = new byte[slotCount][];
            for (int i = 0; i < slotCount; i++)
            {
                _slots[i] = new byte[slotBytes];
            }

            _lengths = new int[slotCount];
            _truncated = new bool[slotCount];
            SlotBytes = slotBytes;
        }

        /// <summary>Number of slots.</summary>
        public int Capacity { get { return _slots.Length; } }

        /// <summary>Bytes per slot: the largest message.</summary>
        public int SlotBytes { get; private set; }

        /// <summary>Messages queued.</summary>
        public int Count { get { return _count; } }

        /// <summary>True when no slot is free.</summary>
        public bool IsFull { get { return _count == _slots.Length; } }

        /// <summary>The free slot the next message is written into, or null when full.</summary>
        public byte[] TailSlot { get { return IsFull ? null : _slots[(_head + _count) % _slots.Length]; } }

        /// <summary>The oldest message's slot, or null when empty.</summary>
        public byte[] HeadSlot { get { return _count == 0 ? null : _slots[_head]; } }

        /// <summary>Length of the oldest message, bytes.</summary>
        public int HeadLength { get { return _count == 0 ? 0 : _lengths[_head]; } }

        /// <summary>True when the oldest message was cut to the slot size.</summary>
        public bool HeadTruncated { get { return _count != 0 && _truncated[_head]; } }

        /// <summary>Queues the message written into <see cref="TailSlot"/>.</summary>
        public void CommitTail(int length, bool truncated)
        {
            if (IsFull)
            {
                throw new InvalidOperationException("the ring is full");
            }

            int slot = (_head + _count) % _slots.Length;
            _lengths[slot] = length;
            _truncated[slot] = truncated;
            _count++;
        }

        /// <summary>Removes the oldest message (nothing when empty).</summary>
        public void DropHead()
        {
            if (_count == 0)
            {
                return;
            }

            _head = (_head + 1) % _slots.Length;
            _count--;
        }

        /// <summary>Empties the ring.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
