using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>An idTag-valued key: 1..20 printable ASCII characters (OCPP 1.6 IdToken, CiString20), optionally empty.</summary>
    public sealed class IdTagValueCheck : IConfigValueCheck
    {
        /// <summary>A required idTag.</summary>
        public static readonly IdTagValueCheck Instance = new IdTagValueCheck(false);

        /// <summary>An idTag or nothing.</summary>
        public static readonly IdTagValueCheck OrEmpty = new IdTagValueCheck(true);

        private readonly bool _emptyAllowed;

        private IdTagValueCheck(bool emptyAllowed)
        {
            _emptyAllowed = emptyAllowed;
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            if (value.Length == 0 && _emptyAllowed)
            {
                return null;
            }

            return IdTagInfo.IsValidIdTag(value) ? null : "an idTag is 1..20 printable ASCII characters without spaces";
        }
    }
}
