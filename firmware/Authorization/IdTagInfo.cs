namespace Wallbox.Firmware.Authorization
{
    /// <summary>What is known about an idTag (OCPP 1.6 IdTagInfo): status, optional expiry and parent.</summary>
    public sealed class IdTagInfo
    {
        /// <summary>Longest idTag or parentIdTag (OCPP 1.6 IdToken: CiString20).</summary>
        public const int MaxIdTagLength = 20;

        /// <summary>Status.</summary>
        public AuthorizationStatus Status;

        /// <summary>Expiry, Unix milliseconds UTC; 0 when the entry does not expire.</summary>
        public long ExpiryUnixMs;

        /// <summary>Parent (group) idTag, or null.</summary>
        public string ParentIdTag;

        /// <summary>Copies <paramref name="other"/> into this instance.</summary>
        public void CopyFrom(IdTagInfo other)
        {
            Status = other.Status;
            ExpiryUnixMs = other.ExpiryUnixMs;
            ParentIdTag = other.ParentIdTag;
        }

        /// <summary>True when the entry has an expiry that lies before <paramref name="nowUnixMs"/>.</summary>
        public bool IsExpiredAt(long nowUnixMs)
        {
            return ExpiryUnixMs != 0 && ExpiryUnixMs <= nowUnixMs;
        }

        /// <summary>True for a well-formed idTag: 1..20 printable ASCII characters.</summary>
        public static bool IsValidIdTag(string idTag)
        {
            if (idTag == null || idTag.Length == 0 || idTag.Length > MaxIdTagLength)
            {
                return false;
            }

            for (int i = 0; i < idTag.Length; i++)
            {
                char c = idTag[i];
                if (c < (char)0x21 || c > (char)0x7E)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
