namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// Settings of the charging controller. Board-dependent values are filled in by the board's composition root;
    /// installation and owner values come from the configuration store. <see cref="Validate"/> must pass before
    /// the settings are used; the controller never sees an invalid combination.
    /// </summary>
    public sealed class ChargingSettings
    {
        /// <summary>Largest hardware rating the product accepts, amperes (CPH-31: "limitée exprès à 32 A").</summary>
        public const int ProductMaximumA = 32;

        /// <summary>Hardware rating of this wallbox (contactor, wiring), amperes; 6..32.</summary>
        public int HardwareRatingA = ProductMaximumA;

        /// <summary>Rating of the upstream breaker, amperes: 0 (not set: only the hardware rating applies) or a value of <see cref="BreakerTable"/> (CPH-33).</summary>
        public int BreakerRatingA;

        /// <summary>Owner's maximum, amperes; 6..<see cref="HardwareRatingA"/> (CPH-31/32, 1 A steps).</summary>
        public int UserMaximumA = ProductMaximumA;

        /// <summary>Type 2 socket with a locking actuator (true) or tethered cable (false, no lock, no PP reading).</summary>
        public bool HasSocket = true;

        /// <summary>Rating of the fixed cable of a tethered wallbox, amperes.</summary>
        public int TetheredCableRatingA = ProductMaximumA;

        /// <summary>The installation can ventilate for state D; when false (the default, CPH-76) state D stops charging with a fault (CPH-37).</summary>
        public bool VentilationAvailable;

        /// <summary>Sessions need an authorisation (RFID, OCPP); false is free-vend (CPL-34, WBX-16).</summary>
        public bool RequireAuthorization = true;

        /// <summary>A session charging when the mains failed resumes when it returns and the EV is still there (CPL-85 "ZE Ready"); otherwise it ends with reason PowerLoss.</summary>
        public bool ResumeAfterPowerLoss = true;

        /// <summary>How long an authorisation given before plug-in waits for the EV, seconds (OCPP ConnectionTimeOut).</summary>
        public int ConnectionTimeoutS = 60;

        /// <summary>Phases wired to the wallbox (1 or 3, CPH-78).</summary>
        public int Phases = 3;

        /// <summary>Board: pull-up resistor of the PP divider, ohms.</summary>
        public int ProximityPullUpOhm = 1000;

        /// <summary>Board: supply of the PP pull-up, millivolts.</summary>
        public int ProximitySupplyMv = 3300;

        /// <summary>Checks every value and combination. Returns false with a message naming the bad setting.</summary>
        public bool Validate(out string error)
        {
            error = null;
            if (HardwareRatingA < 6 || HardwareRatingA > ProductMaximumA)
            {
                error = "HardwareRatingA must be 6..32 A (CPH-31), got " + HardwareRatingA.ToString();
            }
            else if (BreakerRatingA != 0 && !BreakerTable.IsKnown(BreakerRatingA))
            {
                error = "BreakerRatingA must be 0 or one of 20, 25, 32, 40 A (CPH-33), got " + BreakerRatingA.ToString();
            }
            else if (UserMaximumA < 6 || UserMaximumA > HardwareRatingA)
            {
                error = "UserMaximumA must be 6.." + HardwareRatingA.ToString() + " A, got " + UserMaximumA.ToString();
            }
            else if (!HasSocket && (TetheredCableRatingA < 6 || TetheredCableRatingA > 80))
            {
                error = "TetheredCableRatingA must be 6..80 A, got " + TetheredCableRatingA.ToString();
            }
            else if (ConnectionTimeoutS < 1 || ConnectionTimeoutS > 3600)
            {
                error = "ConnectionTimeoutS must be 1..3600 s, got " + ConnectionTimeoutS.ToString();
            }
            else if (Phases != 1 && Phases != 3)
            {
                error = "Phases must be 1 or 3, got " + Phases.ToString();
            }
            else if (ProximityPullUpOhm <= 0 || ProximitySupplyMv <= 0)
            {
                error = "ProximityPullUpOhm and ProximitySupplyMv must be positive";
            }

            return error == null;
        }

        /// <summary>A copy, so a validated instance cannot be changed under the controller.</summary>
        public ChargingSettings Clone()
        {
            return (ChargingSettings)MemberwiseClone();
        }
    }
}
