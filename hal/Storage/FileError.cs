namespace Wallbox.Hal
{
    /// <summary>Why a <see cref="FileJob"/> failed.</summary>
    public enum FileError
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The file or directory does not exist.</summary>
        NotFound = 1,

        /// <summary>The partition is full.</summary>
        NoSpace = 2,

        /// <summary>The file system reported an error.</summary>
        IoError = 3,

        /// <summary>The request was malformed (missing path, buffer too small).</summary>
        InvalidRequest = 4,
    }
}
