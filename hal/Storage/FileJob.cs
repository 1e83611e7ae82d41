namespace Wallbox.Hal
{
    /// <summary>
    /// A unit of file work handed to the storage worker. Owners allocate their jobs once and reuse them,
    /// so steady-state storage traffic allocates nothing. Prepare it, submit it with
    /// <see cref="IFileStore.TrySubmit"/>, poll <see cref="IsDone"/> from later ticks, read the result, then
    /// <see cref="Release"/> it.
    /// </summary>
    /// <remarks>
    /// The buffer belongs to the worker from submission until the job is done: the owner must not touch it.
    /// The state is published last by the worker with an interlocked exchange (a full fence), and read with an
    /// interlocked compare, so results written before it are visible once <see cref="IsDone"/> is true.
    /// (nanoFramework's mscorlib lacks the IsVolatile modifier type, so <c>volatile</c> cannot be used.)
    /// </remarks>
    public sealed class FileJob
    {
        private int _state;

        /// <summary>The operation.</summary>
        public FileOperation Operation { get; private set; }

        /// <summary>File (or directory, for <see cref="FileOperation.List"/>) path, e.g. <c>I:\tx\000012.rec</c>.</summary>
        public string Path { get; private set; }

        /// <summary>Target path of <see cref="FileOperation.Rename"/>.</summary>
        public string NewPath { get; private set; }

        /// <summary>Data to write, or space to read into.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>Offset into <see cref="Buffer"/>.</summary>
        public int Offset { get; private set; }

        /// <summary>Bytes to write, or the most to read.</summary>
        public int Count { get; private set; }

        /// <summary>File offset of a <see cref="FileOperation.Read"/>.</summary>
        public long Position { get; private set; }

        /// <summary>Receives file names for <see cref="FileOperation.List"/>; its length bounds the listing.</summary>
        public string[] Names { get; private set; }

        /// <summary>Where the job is.</summary>
        public FileJobState State { get { return (FileJobState)ReadState(); } }

        /// <summary>True once the job has succeeded or failed.</summary>
        public bool IsDone
        {
            get
            {
                int state = ReadState();
                return state == (int)FileJobState.Succeeded || state == (int)FileJobState.Failed;
            }
        }

        /// <summary>Why the job failed.</summary>
        public FileError Error { get; private set; }

        /// <summary>Bytes read or written, or names listed.</summary>
        public int Transferred { get; private set; }

        /// <summary>File length after the job (GetLength, Write, Append).</summary>
        public long Length { get; private set; }

        /// <summary>Set when a listing had more names than <see cref="Names"/> could hold.</summary>
        public bool Truncated { get; private set; }

        /// <summary>Prepares a read of up to <paramref name="count"/> bytes at <paramref name="position"/>.</summary>
        public void PrepareRead(string path, long position, byte[] buffer, int offset, int count)
        {
            Prepare(FileOperation.Read, path, null, buffer, offset, count, position, null);
        }

        /// <summary>Prepares a create-or-truncate write of <paramref name="count"/> bytes.</summary>
        public void PrepareWrite(string path, byte[] buffer, int offset, int count)
        {
            Prepare(FileOperation.Write, path, null, buffer, offset, count, 0, null);
        }

        /// <summary>Prepares an append of <paramref name="count"/> bytes.</summary>
        public void PrepareAppend(string path, byte[] buffer, int offset, int count)
        {
            Prepare(FileOperation.Append, path, null, buffer, offset, count, 0, null);
        }

        /// <summary>Prepares a delete.</summary>
        public void PrepareDelete(string path)
        {
            Prepare(FileOperation.Delete, path, null, null, 0, 0, 0, null);
        }

        /// <summary>Prepares a rename that replaces <paramref name="newPath"/>.</summary>
        public void PrepareRename(string path, string newPath)
        {
            Prepare(FileOperation.Rename, path, newPath, null, 0, 0, 0, null);
        }

        /// <summary>Prepares a length query.</summary>
        public void PrepareGetLength(string path)
        {
            Prepare(FileOperation.GetLength, path, null, null, 0, 0, 0, null);
        }

        /// <summary>Prepares a directory listing into <paramref name="names"/>.</summary>
        public void PrepareList(string directory, string[] names)
        {
            Prepare(FileOperation.List, directory, null, null, 0, 0, 0, names);
        }

        /// <summary>Returns a finished job to <see cref="FileJobState.Idle"/> so it can be prepared again.</summary>
        public void Release()
        {
            if (IsDone)
            {
                PublishState(FileJobState.Idle);
            }
        }

        /// <summary>For store implementations: claims an idle, prepared job. False when it is busy.</summary>
        public bool TryMarkQueued()
        {
            if (ReadState() != (int)FileJobState.Idle)
            {
                return false;
            }

            Error = FileError.None;
            Transferred = 0;
            Length = 0;
            Truncated = false;
            PublishState(FileJobState.Queued);
            return true;
        }

        /// <summary>For store implementations: the worker has started the job.</summary>
        public void MarkRunning()
        {
            PublishState(FileJobState.Running);
        }

        /// <summary>For store implementations: the job succeeded; publishes the results.</summary>
        public void Complete(int transferred, long length, bool truncated)
        {
            Transferred = transferred;
            Length = length;
            Truncated = truncated;
            Error = FileError.None;
            PublishState(FileJobState.Succeeded);
        }

        /// <summary>For store implementations: the job failed.</summary>
        public void Fail(FileError error)
        {
            Error = error;
            PublishState(FileJobState.Failed);
        }

        private void Prepare(FileOperation operation, string path, string newPath, byte[] buffer, int offset, int count, long position, string[] names)
        {
            int state = ReadState();
            if (state == (int)FileJobState.Queued || state == (int)FileJobState.Running)
            {
                // Reusing a job the worker still owns would corrupt its buffer: that is a programming error.
                throw new System.InvalidOperationException("FileJob is still owned by the storage worker");
            }

            Operation = operation;
            Path = path;
            NewPath = newPath;
            Buffer = buffer;
            Offset = offset;
            Count = count;
            Position = position;
            Names = names;
            Error = FileError.None;
            Transferred = 0;
            Length = 0;
            Truncated = false;
            PublishState(FileJobState.Idle);
        }

        private int ReadState()
        {
            return System.Threading.Interlocked.CompareExchange(ref _state, 0, 0);
        }

        private void PublishState(FileJobState state)
        {
            System.Threading.Interlocked.Exchange(ref _state, (int)state);
        }
    }
}
