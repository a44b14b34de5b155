using System.Diagnostics.CodeAnalysis;

namespace Crux.Connect.Internal;

/// <summary>
/// The permission catalog of one client (one options snapshot), as a name → uuid map: uuids differ per environment,
/// names do not. It is read through <see cref="OrganizationUsersClient.GetAllPermissionsAsync"/>, reused for the
/// configured lifetime, and read again early when a caller asks for a name it lacks (a permission added since).
/// Concurrent callers that find it stale share one read.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "_refreshLock is only awaited and released, never asked for its AvailableWaitHandle, so it holds no kernel handle and nothing to dispose; the cache lives as long as its client's settings.")]
internal sealed class PermissionCatalogCache
{
    private readonly TimeSpan _lifetime;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private Snapshot? _current;

    public PermissionCatalogCache(TimeSpan lifetime)
    {
        _lifetime = lifetime;
    }

    /// <summary>
    /// Resolves names to uuids, in the caller's order, or throws <see cref="CruxUnknownPermissionException"/> naming the
    /// unknown and the valid ones; and says whether the catalog was read for this call (so a caller whose
    /// uuids the server refuses knows whether a fresh read could change them). <paramref name="forceRead"/> reads it anew.
    /// </summary>
    public async Task<(Guid[] Uuids, bool Fresh)> ResolveWithFreshnessAsync(
        string[] names,
        Func<CancellationToken, Task<IReadOnlyList<Permission>>> readCatalog,
        TimeProvider timeProvider,
        string paramName,
        bool forceRead,
        CancellationToken cancellationToken)
    {
        Snapshot? snapshot = Volatile.Read(ref _current);
        bool fresh = false;
        if (snapshot is null || forceRead || IsExpired(snapshot, timeProvider))
        {
            (snapshot, fresh) = await RefreshAsync(snapshot, readCatalog, timeProvider, cancellationToken, force: forceRead).ConfigureAwait(false);
        }

        if (snapshot.TryResolve(names, out Guid[] uuids, out List<string> unknown))
        {
            return (uuids, fresh);
        }

        if (!fresh && !snapshot.AreKnownMissing(unknown))
        {
            // A name we do not know may be a permission created after our read: read once more before refusing. A name
            // that a read already failed to find is refused at once until the catalog expires, so a caller repeating an
            // unknown name does not cost a catalog read per call.
            (snapshot, _) = await RefreshAsync(snapshot, readCatalog, timeProvider, cancellationToken, force: true).ConfigureAwait(false);
            if (snapshot.TryResolve(names, out uuids, out unknown))
            {
                return (uuids, true);
            }
        }

        snapshot.RememberMissing(unknown);
        throw new CruxUnknownPermissionException(unknown.ToArray(), snapshot.SortedNames, paramName, OrganizationTypeNames.OfOtherType(unknown));
    }

    private bool IsExpired(Snapshot snapshot, TimeProvider timeProvider) =>
        _lifetime != Timeout.InfiniteTimeSpan && timeProvider.GetElapsedTime(snapshot.ReadAt) >= _lifetime;

    private async Task<(Snapshot Snapshot, bool Fresh)> RefreshAsync(
        Snapshot? seen,
        Func<CancellationToken, Task<IReadOnlyList<Permission>>> readCatalog,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        bool force = false)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else refreshed while we waited for the lock: theirs is as fresh as ours would be.
            Snapshot? current = Volatile.Read(ref _current);
            if (current is not null && !ReferenceEquals(current, seen) && (force || !IsExpired(current, timeProvider)))
            {
                return (current, true);
            }

            IReadOnlyList<Permission> permissions = await readCatalog(cancellationToken).ConfigureAwait(false);
            var snapshot = new Snapshot(permissions, timeProvider.GetTimestamp());
            Volatile.Write(ref _current, snapshot);
            return (snapshot, true);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private sealed class Snapshot
    {
        private const int MaxRememberedMissing = 256;
        private readonly Dictionary<string, List<Permission>> _byName;
        private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

        public Snapshot(IReadOnlyList<Permission> permissions, long readAt)
        {
            // Names that differ only in case are one name: a catalog listing "view_order" and "View_Order" under two
            // uuids leaves the caller's "view_order" ambiguous, never silently the first one listed.
            _byName = new Dictionary<string, List<Permission>>(permissions.Count, StringComparer.OrdinalIgnoreCase);
            foreach (Permission permission in permissions)
            {
                if (!_byName.TryGetValue(permission.Name, out List<Permission>? listed))
                {
                    _byName.Add(permission.Name, [permission]);
                }
                else if (!listed.Exists(p => p.Uuid == permission.Uuid))
                {
                    listed.Add(permission);
                }
            }

            SortedNames = permissions.Select(static p => p.Name).Distinct(StringComparer.Ordinal).OrderBy(static n => n, StringComparer.Ordinal).ToArray();
            ReadAt = readAt;
        }

        public long ReadAt { get; }

        public bool AreKnownMissing(List<string> names)
        {
            lock (_missing)
            {
                return names.TrueForAll(_missing.Contains);
            }
        }

        public void RememberMissing(List<string> names)
        {
            lock (_missing)
            {
                foreach (string name in names)
                {
                    // Bounded: a caller sending ever new names cannot grow it without limit.
                    if (_missing.Count < MaxRememberedMissing)
                    {
                        _missing.Add(name);
                    }
                }
            }
        }

        public string[] SortedNames { get; }

        /// <summary>
        /// Resolves each name compared ordinally; a name the catalog lists under two uuids (ignoring case) throws
        /// <see cref="CruxAmbiguousPermissionException"/> naming them, so nothing is sent.
        /// </summary>
        public bool TryResolve(string[] names, out Guid[] uuids, out List<string> unknown)
        {
            uuids = new Guid[names.Length];
            unknown = new List<string>(0);
            for (int i = 0; i < names.Length; i++)
            {
                if (!_byName.TryGetValue(names[i], out List<Permission>? listed))
                {
                    unknown.Add(names[i]);
                }
                else if (listed.Count > 1)
                {
                    throw Ambiguous(names[i], listed);
                }
                else if (string.Equals(listed[0].Name, names[i], StringComparison.Ordinal))
                {
                    uuids[i] = listed[0].Uuid;
                }
                else
                {
                    unknown.Add(names[i]);
                }
            }

            return unknown.Count == 0;
        }

        private static CruxAmbiguousPermissionException Ambiguous(string name, List<Permission> listed)
        {
            string under = string.Join(", ", listed.Select(static p => $"{p.Uuid:D} ('{Diagnostics.ServerText.Shorten(p.Name, 100)}')"));
            return new CruxAmbiguousPermissionException(
                $"The permission name '{Diagnostics.ServerText.Shorten(name, 100)}' is ambiguous: this environment's catalog lists it under {listed.Count} uuids, {under}. " +
                "Nothing was sent. Pass the uuid you mean instead of the name.",
                name,
                listed.Select(static p => p.Uuid).ToArray(),
                null);
        }
    }
}
