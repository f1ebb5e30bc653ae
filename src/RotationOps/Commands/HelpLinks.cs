namespace RotationOps.Commands;

/// <summary>
/// Where `Get-Help &lt;cmdlet&gt; -Online` goes (each cmdlet's HelpUri). There are no hosted docs, so
/// each cmdlet points at its section of the README on the project site; the fragments are GitHub's
/// anchors for the README's headings, and the Pester help tests check that those headings exist.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The module's ProjectUri (RotationOps.psd1 names the same).</summary>
    private const string Project = "https://github.com/rotationops/rotationops";

    private const string Readme = Project + "/blob/main/README.md";

    public const string InvokeSecretRotation = Readme + "#rotating-secrets-invoke-secretrotation";
    public const string TestRotatedSecret = Readme + "#verifying-test-rotatedsecret";

    // Publish-LambdaCanary, Set-AliasWeight and Undo-Deployment share one README section.
    public const string LambdaCanaries = Readme + "#lambda-canaries-publish-lambdacanary-set-aliasweight-undo-deployment";
}
