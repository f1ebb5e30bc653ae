using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Canary;
using RotationOps.Engine.Journal.Stores;

namespace RotationOps.Engine.Tests.Journal;

/// <summary>Fingerprints of environment values are keyed by the journal, so hashing guesses does not reveal a value.</summary>
public sealed class FingerprintKeyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rotationops-key-" + Guid.NewGuid().ToString("N"));
    private readonly string _otherDirectory = Path.Combine(Path.GetTempPath(), "rotationops-key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task One_journal_keeps_one_key_even_when_many_ask_for_it_at_once()
    {
        // Many rounds, each a fresh journal: the race is between making the key and reading it.
        for (int round = 0; round < 200; round++)
        {
            string directory = Path.Combine(_directory, round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var start = new Barrier(8);
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return new FileJournalStore(directory).FingerprintKeyAsync().GetAwaiter().GetResult();
            }, TaskCreationOptions.LongRunning)));

            Assert.All(keys, key => Assert.Equal(Convert.ToBase64String(keys[0]), Convert.ToBase64String(key)));
            Assert.Equal(32, keys[0].Length);
            Assert.Equal(keys[0], await new FileJournalStore(directory).FingerprintKeyAsync());
            Assert.Single(Directory.GetFileSystemEntries(directory, "fingerprint-key*"));
        }
    }

    [Fact]
    public async Task The_same_value_has_the_same_fingerprint_in_one_journal_another_in_another_and_neither_is_its_plain_hash()
    {
        var fingerprint = new ValueFingerprint(await new FileJournalStore(_directory).FingerprintKeyAsync());
        var other = new ValueFingerprint(await new FileJournalStore(_otherDirectory).FingerprintKeyAsync());
        string plain;
        using (var sha = SHA256.Create()) plain = BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes("1234"))).Replace("-", "").ToLowerInvariant();

        Assert.Equal(fingerprint.Of("1234"), fingerprint.Of("1234"));
        Assert.NotEqual(fingerprint.Of("1234"), other.Of("1234"));
        Assert.NotEqual(fingerprint.Of("1234"), fingerprint.Of("1235"));
        Assert.DoesNotContain(plain.Substring(0, 8), fingerprint.Of("1234"));
        Assert.Matches("^hmac [0-9a-f]{12}$", fingerprint.Of("1234"));
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _directory, _otherDirectory })
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
