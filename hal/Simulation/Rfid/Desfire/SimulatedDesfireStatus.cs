namespace Wallbox.Hal.Simulation;

/// <summary>Status bytes the simulated DESFire EV1 returns (NXP MF3ICDx81 datasheet, "Status and error codes").</summary>
public static class SimulatedDesfireStatus
{
    /// <summary>OPERATION_OK.</summary>
    public const byte OperationOk = 0x00;

    /// <summary>ILLEGAL_COMMAND_CODE.</summary>
    public const byte IllegalCommandCode = 0x1C;

    /// <summary>INTEGRITY_ERROR.</summary>
    public const byte IntegrityError = 0x1E;

    /// <summary>NO_SUCH_KEY.</summary>
    public const byte NoSuchKey = 0x40;

    /// <summary>LENGTH_ERROR.</summary>
    public const byte LengthError = 0x7E;

    /// <summary>PERMISSION_DENIED.</summary>
    public const byte PermissionDenied = 0x9D;

    /// <summary>PARAMETER_ERROR.</summary>
    public const byte ParameterError = 0x9E;

    /// <summary>APPLICATION_NOT_FOUND.</summary>
    public const byte ApplicationNotFound = 0xA0;

    /// <summary>AUTHENTICATION_ERROR.</summary>
    public const byte AuthenticationError = 0xAE;

    /// <summary>ADDITIONAL_FRAME.</summary>
    public const byte AdditionalFrame = 0xAF;

    /// <summary>BOUNDARY_ERROR.</summary>
    public const byte BoundaryError = 0xBE;

    /// <summary>FILE_NOT_FOUND.</summary>
    public const byte FileNotFound = 0xF0;
}
