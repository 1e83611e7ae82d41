namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// The read requests that fetch a map's registers, and where each register lands in the answer of its request.
    /// Made once per configuration (<see cref="MeterRegisterMap.PlanPolls"/>); reading and decoding with it allocate nothing.
    /// </summary>
    /// <remarks>
    /// Only one request is in flight on the bus at a time, and each costs a request frame, two 3.5-character silences and
    /// the meter's turnaround (tens of milliseconds) besides the data, so the plan uses as few requests as the map
    /// allows: registers of one function code are sorted by address and merged greedily while the request stays within
    /// <see cref="MeterRegisterMap.MaxRegistersPerRequest"/> (never above 125, MODBUS Application Protocol V1.1b3 §6.3/6.4)
    /// and the registers skipped between two values number at most <see cref="MeterRegisterMap.MaxGapRegisters"/>
    /// (0 for meters that answer exception 02 to undocumented addresses). Left-to-right greedy merging gives the fewest
    /// requests under both constraints.
    /// </remarks>
    public sealed class MeterPollPlan
    {
        private readonly int[] _requestOfRegister;
        private readonly int[] _offsetOfRegister;

        private MeterPollPlan(MeterPollRequest[] requests, int[] requestOfRegister, int[] offsetOfRegister)
        {
            Requests = requests;
            _requestOfRegister = requestOfRegister;
            _offsetOfRegister = offsetOfRegister;
            int largest = 0;
            for (int i = 0; i < requests.Length; i++)
            {
                if (requests[i].Count > largest)
                {
                    largest = requests[i].Count;
                }
            }

            LargestRequest = largest;
        }

        /// <summary>The requests of one poll cycle, in the order to send them (by function code, then address).</summary>
        public MeterPollRequest[] Requests { get; }

        /// <summary>Registers in the largest request (the size of a buffer that holds any answer).</summary>
        public int LargestRequest { get; }

        /// <summary>
        /// Where register <paramref name="registerIndex"/> of the map (index into <see cref="MeterRegisterMap.Registers"/>)
        /// is read: the request index and its offset in that request's registers. False if this plan does not read it.
        /// </summary>
        public bool TryLocate(int registerIndex, out int requestIndex, out int offset)
        {
            requestIndex = -1;
            offset = -1;
            if (registerIndex < 0 || registerIndex >= _requestOfRegister.Length || _requestOfRegister[registerIndex] < 0)
            {
                return false;
            }

            requestIndex = _requestOfRegister[registerIndex];
            offset = _offsetOfRegister[registerIndex];
            return true;
        }

        /// <summary>
        /// Plans the reads of <paramref name="map"/> in at most <paramref name="maxRequests"/> requests; null when more are
        /// needed. The serial number is planned only when <paramref name="includeSerialNumber"/> (identity is read once,
        /// not every cycle).
        /// </summary>
        internal static MeterPollPlan Create(MeterRegisterMap map, int maxRequests, bool includeSerialNumber)
        {
            MeterRegister[] registers = map.Registers;
            int[] order = new int[registers.Length];
            int included = 0;
            for (int i = 0; i < registers.Length; i++)
            {
                if (includeSerialNumber || registers[i].Quantity != MeterQuantity.SerialNumber)
                {
                    order[included++] = i;
                }
            }

            SortByFunctionAndAddress(registers, order, included);

            int[] requestOfRegister = new int[registers.Length];
            int[] offsetOfRegister = new int[registers.Length];
            for (int i = 0; i < registers.Length; i++)
            {
                requestOfRegister[i] = -1;
                offsetOfRegister[i] = -1;
            }

            // Worst case one request per register; trimmed below.
            int[] starts = new int[included];
            int[] ends = new int[included];
            byte[] functions = new byte[included];
            int count = 0;
            for (int k = 0; k < included; k++)
            {
                MeterRegister register = registers[order[k]];
                bool extend = count > 0
                    && functions[count - 1] == register.FunctionCode
                    && register.Address >= ends[count - 1]
                    && register.Address - ends[count - 1] <= map.MaxGapRegisters
                    && register.EndAddress - starts[count - 1] <= map.MaxRegistersPerRequest;
                if (!extend)
                {
                    functions[count] = register.FunctionCode;
                    starts[count] = register.Address;
                    ends[count] = register.EndAddress;
                    count++;
                }
                else
                {
                    ends[count - 1] = register.EndAddress;
                }

                requestOfRegister[order[k]] = count - 1;
                offsetOfRegister[order[k]] = register.Address - starts[count - 1];
            }

            if (count > maxRequests)
            {
                return null;
            }

            MeterPollRequest[] requests = new MeterPollRequest[count];
            for (int r = 0; r < count; r++)
            {
                requests[r] = new MeterPollRequest(functions[r], starts[r], ends[r] - starts[r]);
            }

            return new MeterPollPlan(requests, requestOfRegister, offsetOfRegister);
        }

        private static void SortByFunctionAndAddress(MeterRegister[] registers, int[] order, int length)
        {
            // Insertion sort: maps hold a few dozen registers and the plan is made once per configuration.
            for (int i = 1; i < length; i++)
            {
                int current = order[i];
                int j = i - 1;
                while (j >= 0 && Compare(registers[order[j]], registers[current]) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = current;
            }
        }

        private static int Compare(MeterRegister a, MeterRegister b)
        {
            if (a.FunctionCode != b.FunctionCode)
            {
                return a.FunctionCode < b.FunctionCode ? -1 : 1;
            }

            return a.Address < b.Address ? -1 : (a.Address > b.Address ? 1 : 0);
        }
    }
}
