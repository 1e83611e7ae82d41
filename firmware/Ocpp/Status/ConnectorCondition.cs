using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Status
{
    /// <summary>What a StatusNotification of one connector says: status, error code and the vendor's error code.</summary>
    public sealed class ConnectorCondition
    {
        /// <summary>Status.</summary>
        public ChargePointStatus Status;

        /// <summary>Error code (NoError when none).</summary>
        public ChargePointErrorCode ErrorCode = ChargePointErrorCode.NoError;

        /// <summary>The vendor's error code (the fault table's), or null.</summary>
        public string VendorErrorCode;

        /// <summary>True when <paramref name="other"/> says the same.</summary>
        public bool SameAs(ConnectorCondition other)
        {
            return Status == other.Status && ErrorCode == other.ErrorCode && VendorErrorCode == other.VendorErrorCode;
        }

        /// <summary>Copies <paramref name="other"/>.</summary>
        public void CopyFrom(ConnectorCondition other)
        {
            Status = other.Status;
            ErrorCode = other.ErrorCode;
            VendorErrorCode = other.VendorErrorCode;
        }
    }
}
