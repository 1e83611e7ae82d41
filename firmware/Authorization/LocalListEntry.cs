namespace Wallbox.Firmware.Authorization
{
    /// <summary>One entry of a SendLocalList update (OCPP 1.6 AuthorizationData).</summary>
    public sealed class LocalListEntry
    {
        /// <summary>The idTag.</summary>
        public string IdTag;

        /// <summary>Its information; null in a differential update means "remove".</summary>
        public IdTagInfo Info;
    }
}
