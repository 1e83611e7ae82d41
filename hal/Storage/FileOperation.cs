namespace Wallbox.Hal
{
    /// <summary>What a <see cref="FileJob"/> does.</summary>
    public enum FileOperation
    {
        /// <summary>Reads up to Count bytes at Position. Transferred = bytes read (0 at end of file).</summary>
        Read = 0,

        /// <summary>Creates or truncates the file and writes Count bytes.</summary>
        Write = 1,

        /// <summary>Appends Count bytes, creating the file when missing.</summary>
        Append = 2,

        /// <summary>Deletes the file; succeeds when it did not exist.</summary>
        Delete = 3,

        /// <summary>Renames Path to NewPath, replacing NewPath. Not guaranteed atomic on every file system.</summary>
        Rename = 4,

        /// <summary>Gets the file length into Length; fails with NotFound when missing.</summary>
        GetLength = 5,

        /// <summary>Lists the file names (without directory) under the directory Path into Names; Transferred = count.</summary>
        List = 6,
    }
}
