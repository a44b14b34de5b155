using System.Text.RegularExpressions;

namespace Crux.Connect.Tests.Docs;

/// <summary>
/// Every relative link in the README, docs/ and the other Markdown files of the repository leads somewhere: the file
/// exists and, for a link to a heading, the heading does (GitHub's anchor rule). Absolute links are not fetched.
/// </summary>
public class DocLinkTests
{
    private static readonly Regex Link = new(@"\]\((?<target>[^)\s]+)\)", RegexOptions.Compiled);
    private static readonly Regex Fence = new(@"^```.*?^```", RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.Multiline);

    public static TheoryData<string> MarkdownFiles()
    {
        string root = RepositoryRoot();
        var files = new TheoryData<string>();
        foreach (string file in new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "benchmarks/README.md" }
                     .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)))
                     .Concat(Directory.GetDirectories(Path.Combine(root, "src"))
                         .Where(d => File.Exists(Path.Combine(d, "README.md")))
                         .Select(d => "src/" + Path.GetFileName(d) + "/README.md")))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_Resolve(string file)
    {
        string root = RepositoryRoot();
        string path = Path.Combine(root, file);
        string text = Fence.Replace(File.ReadAllText(path), string.Empty);
        var broken = new List<string>();
        foreach (Match match in Link.Matches(text))
        {
            string target = match.Groups["target"].Value;
            if (Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase))
            {
                continue; // https:, mailto: and the like: not a file of this repository
            }

            int hash = target.IndexOf('#');
            string relative = hash < 0 ? target : target.Substring(0, hash);
            string fragment = hash < 0 ? string.Empty : target.Substring(hash + 1);
            string resolved = relative.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, relative));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target} (no such file)");
            }
            else if (fragment.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(fragment))
            {
                broken.Add($"{target} (no such heading)");
            }
        }

        Assert.True(broken.Count == 0, $"{file} links to: {string.Join(", ", broken)}");
    }

    [Theory]
    [InlineData("Security under a hostile network", "security-under-a-hostile-network")]
    [InlineData("MockHttp and the documented JSON", "mockhttp-and-the-documented-json")]
    [InlineData("The command line, against the simulator", "the-command-line-against-the-simulator")]
    [InlineData("`crux` tool: exit codes", "crux-tool-exit-codes")]
    public void Anchor_FollowsGitHubsRule(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    private static HashSet<string> Anchors(string markdownFile) =>
        new(Regex.Matches(Fence.Replace(File.ReadAllText(markdownFile), string.Empty), @"(?m)^#+ (?<heading>.+?)\s*$")
            .Select(m => Slug(m.Groups["heading"].Value)), StringComparer.Ordinal);

    // GitHub: lower case, drop everything but letters, digits, '_', '-' and spaces, then spaces become '-'.
    private static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", string.Empty).Replace(' ', '-');

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Crux.Connect.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
