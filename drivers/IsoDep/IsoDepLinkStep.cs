namespace Wallbox.Drivers.IsoDep
{
    /// <summary>What the frame an <see cref="IsoDepLink"/> has started waits for.</summary>
    internal enum IsoDepLinkStep
    {
        /// <summary>No frame running.</summary>
        None,

        /// <summary>RATS sent, waiting for the ATS (5.1, 5.2).</summary>
        Ats,

        /// <summary>ATS received, waiting for SFGT to pass before the first block (5.2.5).</summary>
        StartupGuard,

        /// <summary>A chained I-block of the command sent, waiting for R(ACK) (7.5.2, PCD chaining).</summary>
        Acknowledge,

        /// <summary>The last I-block of the command sent, waiting for the (first block of the) response.</summary>
        Response,

        /// <summary>R(ACK) sent for a chained I-block of the response, waiting for the next one (7.5.2, PICC chaining).</summary>
        ChainedResponse,

        /// <summary>S(DESELECT) request sent, waiting for the S(DESELECT) response (clause 8).</summary>
        Deselect,
    }
}
