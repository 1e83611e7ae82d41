using System;
using System.IO;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Persistent files on the ESP32's internal flash partition (<c>I:\</c>, LittleFS under nanoFramework;
    /// System.IO.FileSystem), executed by one HAL worker thread in submission order.
    /// </summary>
    /// <remarks>
    /// <para>Queue: a fixed ring of <see cref="QueueCapacity"/> jobs, counting the one being executed.
    /// <see cref="TrySubmit"/> returns false, leaving the job untouched, when it is full.</para>
    /// <para>Commit rule (see <see cref="IFileStore"/>): each job opens its file, acts, calls <c>Flush</c> and closes
    /// the file before the job is published as succeeded with <see cref="FileJob.Complete"/>. The result fields are
    /// written before the job's volatile state, so they are visible once <see cref="FileJob.IsDone"/> is true.</para>
    /// <para>Errors: a missing file is detected with <c>File.Exists</c> before acting (<see cref="FileError.NotFound"/>);
    /// a malformed job or an <see cref="ArgumentException"/> is <see cref="FileError.InvalidRequest"/>; every other
    /// exception, <see cref="IOException"/> included, is <see cref="FileError.IoError"/>. <see cref="FileError.NoSpace"/>
    /// is never reported: nanoFramework's IOException error codes have no "disk full" value
    /// (IOExceptionErrorCode in mscorlib.txt), so a full partition appears as IoError.</para>
    /// <para>Directories: a write, append or rename creates the target's parent directory when missing. Listing a
    /// directory that does not exist yields zero names (as the simulated store does).</para>
    /// <para>Rename replaces the target by deleting it first (nanoFramework's File.Move refuses an existing target);
    /// a power loss between the two steps leaves only the source. Callers that need atomic replacement keep two
    /// generations with CRC, as the commit rule already requires.</para>
    /// </remarks>
    public sealed class Esp32FileStore : IFileStore
    {
        /// <summary>Root of the internal flash partition in nanoFramework (I: and J: are internal flash, D: SD card).</summary>
        public const string InternalFlashRoot = @"I:\";

        private readonly object _gate = new object();
        private readonly FileJob[] _queue;
        private readonly AutoResetEvent _jobSubmitted = new AutoResetEvent(false);
        private int _head;
        private int _count;

        /// <summary>Creates the store and starts its worker thread.</summary>
        /// <param name="root">Partition root, normally <see cref="InternalFlashRoot"/>.</param>
        /// <param name="capacityBytes">Partition size from the board's partition table, bytes.</param>
        /// <param name="queueCapacity">Jobs that may be queued or running at once.</param>
        public Esp32FileStore(string root, long capacityBytes, int queueCapacity)
        {
            if (root == null)
            {
                throw new ArgumentNullException("root");
            }

            if (queueCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException("queueCapacity");
            }

            Root = root;
            CapacityBytes = capacityBytes;
            _queue = new FileJob[queueCapacity];
            Thread worker = new Thread(WorkerLoop);
            worker.Start();
        }

        /// <inheritdoc />
        public int QueueCapacity
        {
            get { return _queue.Length; }
        }

        /// <inheritdoc />
        public long CapacityBytes { get; private set; }

        /// <inheritdoc />
        public string Root { get; private set; }

        /// <inheritdoc />
        public bool TrySubmit(FileJob job)
        {
            if (job == null)
            {
                throw new ArgumentNullException("job");
            }

            Monitor.Enter(_gate);
            try
            {
                if (_count == _queue.Length || !job.TryMarkQueued())
                {
                    return false;
                }

                _queue[(_head + _count) % _queue.Length] = job;
                _count++;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _jobSubmitted.Set();
            return true;
        }

        private static void Execute(FileJob job)
        {
            FileError error;
            try
            {
                error = Run(job);
            }
            catch (ArgumentException)
            {
                error = FileError.InvalidRequest;
            }
            catch (Exception)
            {
                // IOException and anything the native file system throws.
                error = FileError.IoError;
            }

            if (error != FileError.None)
            {
                job.Fail(error);
            }
        }

        // Executes the job; on success it has called job.Complete and returns None.
        private static FileError Run(FileJob job)
        {
            if (job.Path == null || job.Path.Length == 0)
            {
                return FileError.InvalidRequest;
            }

            string path = Normalize(job.Path);
            switch (job.Operation)
            {
                case FileOperation.Read:
                    return ExecuteRead(job, path);
                case FileOperation.Write:
                    return ExecuteWrite(job, path, false);
                case FileOperation.Append:
                    return ExecuteWrite(job, path, true);
                case FileOperation.Delete:
                    return ExecuteDelete(job, path);
                case FileOperation.Rename:
                    return ExecuteRename(job, path);
                case FileOperation.GetLength:
                    return ExecuteGetLength(job, path);
                case FileOperation.List:
                    return ExecuteList(job, path);
                default:
                    return FileError.InvalidRequest;
            }
        }

        private static FileError ExecuteRead(FileJob job, string path)
        {
            if (!HasValidBuffer(job) || job.Position < 0)
            {
                return FileError.InvalidRequest;
            }

            if (!File.Exists(path))
            {
                return FileError.NotFound;
            }

            FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            int total = 0;
            long length;
            try
            {
                length = stream.Length;
                if (job.Position < length)
                {
                    stream.Position = job.Position;
                    while (total < job.Count)
                    {
                        int n = stream.Read(job.Buffer, job.Offset + total, job.Count - total);
                        if (n <= 0)
                        {
                            break;
                        }

                        total += n;
                    }
                }
            }
            finally
            {
                stream.Close();
            }

            job.Complete(total, length, false);
            return FileError.None;
        }

        private static FileError ExecuteWrite(FileJob job, string path, bool append)
        {
            if (!HasValidBuffer(job))
            {
                return FileError.InvalidRequest;
            }

            EnsureParentDirectory(path);

            // FileMode.Append opens an existing file at its end; a missing file is created like a write.
            FileMode mode = append && File.Exists(path) ? FileMode.Append : FileMode.Create;
            FileStream stream = new FileStream(path, mode, FileAccess.Write);
            long length;
            bool closed = false;
            try
            {
                if (job.Count > 0)
                {
                    stream.Write(job.Buffer, job.Offset, job.Count);
                }

                // Commit rule: flushed and closed before the job is reported as succeeded.
                stream.Flush();
                length = stream.Length;
                stream.Close();
                closed = true;
            }
            finally
            {
                if (!closed)
                {
                    CloseQuietly(stream);
                }
            }

            job.Complete(job.Count, length, false);
            return FileError.None;
        }

        private static FileError ExecuteDelete(FileJob job, string path)
        {
            // Deleting a missing file succeeds (FileOperation.Delete); File.Delete would throw when the folder is missing.
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            job.Complete(0, 0, false);
            return FileError.None;
        }

        private static FileError ExecuteRename(FileJob job, string path)
        {
            if (job.NewPath == null || job.NewPath.Length == 0)
            {
                return FileError.InvalidRequest;
            }

            if (!File.Exists(path))
            {
                return FileError.NotFound;
            }

            string target = Normalize(job.NewPath);
            EnsureParentDirectory(target);
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(path, target);
            job.Complete(0, 0, false);
            return FileError.None;
        }

        private static FileError ExecuteGetLength(FileJob job, string path)
        {
            if (!File.Exists(path))
            {
                return FileError.NotFound;
            }

            FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            long length;
            try
            {
                length = stream.Length;
            }
            finally
            {
                stream.Close();
            }

            job.Complete(0, length, false);
            return FileError.None;
        }

        private static FileError ExecuteList(FileJob job, string directory)
        {
            string[] names = job.Names;
            if (names == null)
            {
                return FileError.InvalidRequest;
            }

            if (!Directory.Exists(directory))
            {
                job.Complete(0, 0, false);
                return FileError.None;
            }

            // Keep the alphabetically first names.Length entries (ordinal), so a truncated listing is deterministic.
            string[] files = Directory.GetFiles(directory);
            int kept = 0;
            for (int i = 0; i < files.Length; i++)
            {
                InsertSorted(names, ref kept, Path.GetFileName(files[i]));
            }

            job.Complete(kept, 0, files.Length > kept);
            return FileError.None;
        }

        private static void InsertSorted(string[] names, ref int kept, string name)
        {
            int position = kept;
            while (position > 0 && CompareOrdinal(names[position - 1], name) > 0)
            {
                position--;
            }

            if (position >= names.Length)
            {
                return;
            }

            int last = kept < names.Length ? kept : names.Length - 1;
            for (int i = last; i > position; i--)
            {
                names[i] = names[i - 1];
            }

            names[position] = name;
            if (kept < names.Length)
            {
                kept++;
            }
        }

        // nanoFramework's mscorlib has no String.CompareOrdinal; compare UTF-16 code units directly.
        private static int CompareOrdinal(string a, string b)
        {
            int length = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < length; i++)
            {
                int difference = a[i] - b[i];
                if (difference != 0)
                {
                    return difference;
                }
            }

            return a.Length - b.Length;
        }

        private static bool HasValidBuffer(FileJob job)
        {
            return job.Buffer != null && job.Offset >= 0 && job.Count >= 0 && job.Offset + job.Count <= job.Buffer.Length;
        }

        private static void EnsureParentDirectory(string path)
        {
            string parent = Path.GetDirectoryName(path);
            if (parent != null && parent.Length > 0 && !Directory.Exists(parent))
            {
                Directory.CreateDirectory(parent);
            }
        }

        private static string Normalize(string path)
        {
            // Callers may use '/', the simulated store accepts both; nanoFramework paths use '\'.
            if (path.IndexOf('/') < 0)
            {
                return path;
            }

            char[] chars = path.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '/')
                {
                    chars[i] = '\\';
                }
            }

            return new string(chars);
        }

        private static void CloseQuietly(FileStream stream)
        {
            try
            {
                stream.Close();
            }
            catch (Exception)
            {
                // The job already failed; the original exception is the one reported.
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                _jobSubmitted.WaitOne();
                FileJob job;
                while (TryPeek(out job))
                {
                    job.MarkRunning();
                    Execute(job);
                    Dequeue();
                }
            }
        }

        private bool TryPeek(out FileJob job)
        {
            Monitor.Enter(_gate);
            try
            {
                job = _count > 0 ? _queue[_head] : null;
                return job != null;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        // The running job stays in the ring until it is done, so QueueCapacity counts it.
        private void Dequeue()
        {
            Monitor.Enter(_gate);
            try
            {
                _queue[_head] = null;
                _head = (_head + 1) % _queue.Length;
                _count--;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
