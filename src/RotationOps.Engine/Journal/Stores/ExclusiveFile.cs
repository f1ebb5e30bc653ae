using System;
using System.IO;
using System.Threading;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>Opening the journal's files while another process may hold them exclusively.</summary>
internal static class ExclusiveFile
{
    /// <summary>Opens the file, waiting briefly (in real time) while another process holds it.</summary>
    public static FileStream Open(Func<FileStream> open)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return open();
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(10);
            }
        }
    }
}
