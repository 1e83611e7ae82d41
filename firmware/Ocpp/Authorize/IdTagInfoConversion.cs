using Local = Wallbox.Firmware.Authorization;
using Wire = Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Authorize
{
    /// <summary>Between the wire's IdTagInfo (OCPP 1.6 §7.21) and the stores' <see cref="Local.IdTagInfo"/>.</summary>
    public static class IdTagInfoConversion
    {
        /// <summary>Copies <paramref name="wire"/> into <paramref name="into"/>.</summary>
        public static void ToLocal(Wire.IdTagInfo wire, Local.IdTagInfo into)
        {
            into.Status = ToLocal(wire.Status);
            into.ExpiryUnixMs = wire.HasExpiryDate ? wire.ExpiryDate : 0;
            into.ParentIdTag = wire.ParentIdTag;
        }

        /// <summary>The store's status for a wire status.</summary>
        public static Local.AuthorizationStatus ToLocal(Wire.AuthorizationStatus status)
        {
            switch (status)
            {
                case Wire.AuthorizationStatus.Accepted:
                    return Local.AuthorizationStatus.Accepted;
                case Wire.AuthorizationStatus.Blocked:
                    return Local.AuthorizationStatus.Blocked;
                case Wire.AuthorizationStatus.Expired:
                    return Local.AuthorizationStatus.Expired;
                case Wire.AuthorizationStatus.ConcurrentTx:
                    return Local.AuthorizationStatus.ConcurrentTx;
                default:
                    return Local.AuthorizationStatus.Invalid;
            }
        }

        /// <summary>The wire's status for a store status.</summary>
        public static Wire.AuthorizationStatus ToWire(Local.AuthorizationStatus status)
        {
            switch (status)
            {
                case Local.AuthorizationStatus.Accepted:
                    return Wire.AuthorizationStatus.Accepted;
                case Local.AuthorizationStatus.Blocked:
                    return Wire.AuthorizationStatus.Blocked;
                case Local.AuthorizationStatus.Expired:
                    return Wire.AuthorizationStatus.Expired;
                case Local.AuthorizationStatus.ConcurrentTx:
                    return Wire.AuthorizationStatus.ConcurrentTx;
                default:
                    return Wire.AuthorizationStatus.Invalid;
            }
        }
    }
}
