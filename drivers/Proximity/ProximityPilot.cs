using Wallbox.Hal;

namespace Wallbox.Drivers.Proximity
{
    /// <summary>
    /// Reads the cable's current rating from the proximity-pilot (PP) resistor Rc of a Type 2 socket
    /// (IEC 61851-1 Annex B, Table B.2) through the board's pull-up divider: Rc = Rpu · V / (Vs − V).
    /// </summary>
    /// <remarks>
    /// Table B.2 gives nominal Rc values with ±3 % tolerance: 1.5 kΩ (13 A), 680 Ω (20 A), 220 Ω (32 A),
    /// 100 Ω (63/70 A). The acceptance ranges between them are our choice: the boundaries sit at the geometric
    /// means of neighbouring nominal values, so every genuine resistor (±3 %, plus contact resistance) lands in its
    /// own range, and anything outside 60 Ω … 2.7 kΩ that is not an open circuit is an invalid cable.
    /// </remarks>
    public sealed class ProximityPilot
    {
        /// <summary>Below this the PP line is shorted to PE, ohms.</summary>
        public const int ShortCircuitBelowOhm = 60;

        /// <summary>Boundary between 63 A (100 Ω) and 32 A (220 Ω), ohms: √(100·220).</summary>
        public const int Boundary63To32Ohm = 148;

        /// <summary>Boundary between 32 A (220 Ω) and 20 A (680 Ω), ohms: √(220·680).</summary>
        public const int Boundary32To20Ohm = 387;

        /// <summary>Boundary between 20 A (680 Ω) and 13 A (1.5 kΩ), ohms: √(680·1500).</summary>
        public const int Boundary20To13Ohm = 1010;

        /// <summary>Above this a 13 A resistor (1.5 kΩ) cannot explain the reading, ohms: 1.8 × nominal.</summary>
        public const int Maximum13Ohm = 2700;

        /// <summary>Above this the PP line is open: no cable, ohms.</summary>
        public const int OpenCircuitAboveOhm = 10000;

        private readonly IAnalogInput _input;
        private readonly int _pullUpOhm;
        private readonly int _supplyMv;

        /// <summary>Creates the reader for a divider with pull-up <paramref name="pullUpOhm"/> to <paramref name="supplyMv"/>.</summary>
        public ProximityPilot(IAnalogInput input, int pullUpOhm, int supplyMv)
        {
            _input = input;
            _pullUpOhm = pullUpOhm;
            _supplyMv = supplyMv;
        }

        /// <summary>Reads the input and classifies the cable.</summary>
        public CableRating Read()
        {
            int mv;
            if (!_input.TryReadMillivolts(out mv))
            {
                return CableRating.Invalid;
            }

            return Classify(ResistanceOhm(mv, _pullUpOhm, _supplyMv));
        }

        /// <summary>Divider resistance for a reading, ohms; int.MaxValue when the line is at the supply (open).</summary>
        public static int ResistanceOhm(int millivolts, int pullUpOhm, int supplyMv)
        {
            if (millivolts <= 0)
            {
                return 0;
            }

            if (millivolts >= supplyMv)
            {
                return int.MaxValue;
            }

            long ohm = (long)pullUpOhm * millivolts / (supplyMv - millivolts);
            return ohm > int.MaxValue ? int.MaxValue : (int)ohm;
        }

        /// <summary>Cable rating for a PP resistance.</summary>
        public static CableRating Classify(int ohm)
        {
            if (ohm > OpenCircuitAboveOhm)
            {
                return CableRating.NoCable;
            }

            if (ohm < ShortCircuitBelowOhm || ohm > Maximum13Ohm)
            {
                return CableRating.Invalid;
            }

            if (ohm < Boundary63To32Ohm)
            {
                return CableRating.Amps63;
            }

            if (ohm < Boundary32To20Ohm)
            {
                return CableRating.Amps32;
            }

            if (ohm < Boundary20To13Ohm)
            {
                return CableRating.Amps20;
            }

            return CableRating.Amps13;
        }

        /// <summary>The current a cable rating allows, milliamperes; 0 for no cable or an invalid one.</summary>
        public static int RatingMa(CableRating rating)
        {
            return rating > 0 ? (int)rating * 1000 : 0;
        }
    }
}
