using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// Counts the names (hard links) of an open file. A second name can sit outside the workspace, so the file tools refuse
/// a file with more than one: they open it first and check the open handle, so the file cannot be swapped in between.
/// </summary>
internal static partial class FileLinks
{
    /// <summary>How many hard links the open file has, or null when this platform cannot tell (the check is then skipped).</summary>
    public static long? Count(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var success = false;
        handle.DangerousAddRef(ref success);
        try
        {
            var raw = handle.DangerousGetHandle();
            if (OperatingSystem.IsLinux())
            {
                // statx has one layout on every Linux architecture: stx_nlink is the u32 at offset 16.
                var buffer = new byte[256];
                return LinuxStatx((int)raw, "", AtEmptyPath, StatxNlink, buffer) == 0 ? BitConverter.ToUInt32(buffer, 16) : null;
            }
            if (OperatingSystem.IsMacOS())
            {
                // struct stat with 64-bit inodes: st_dev (4 bytes), st_mode (2), st_nlink (u16 at offset 6).
                var buffer = new byte[256];
                var result = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? MacFstat((int)raw, buffer) : MacFstatInode64((int)raw, buffer);
                return result == 0 ? BitConverter.ToUInt16(buffer, 6) : null;
            }
            if (OperatingSystem.IsWindows())
            {
                // BY_HANDLE_FILE_INFORMATION: nNumberOfLinks is the u32 at offset 40.
                var buffer = new byte[52];
                return GetFileInformationByHandle(raw, buffer) ? BitConverter.ToUInt32(buffer, 40) : null;
            }
            return null;
        }
        finally
        {
            if (success) handle.DangerousRelease();
        }
    }

    /// <summary>Throws <see cref="ToolRefusedException"/> when the open file has more than one name.</summary>
    public static void EnsureSingle(SafeFileHandle handle, string relativePath)
    {
        if (Count(handle) is > 1 and var links)
            throw new ToolRefusedException(
                $"'{relativePath}' has {links} hard links: another name of the same file may lie outside the workspace, so file tools do not read or write it. " +
                "Copy the file into the workspace instead of linking it.");
    }

    private const int AtEmptyPath = 0x1000;
    private const uint StatxNlink = 0x4;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinuxStatx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static partial int MacFstat(int fd, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "fstat$INODE64")]
    private static partial int MacFstatInode64(int fd, [Out] byte[] buffer);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(nint handle, [Out] byte[] buffer);
}
