namespace Wallbox.Drivers.Desfire
{
    /// <summary>How the card key is obtained from the configured key.</summary>
    public enum DesfireKeyDiversification
    {
        /// <summary>The configured key is the card key (the same on every card).</summary>
        None,

        /// <summary>
        /// NXP AN10922 CMAC-based diversification (AES-128, 2K3DES, 3K3DES; not single DES): card key = f(configured
        /// master key, UID ‖ AID ‖ system identifier), so every card has its own key and a key extracted from one card
        /// opens no other.
        /// </summary>
        An10922,
    }
}
