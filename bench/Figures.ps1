# Helpers the benchmark scripts share for their figures. Dot-source this file; it defines functions only.

function Get-Percentile {
    # Nearest rank, as bench/RotationOps.Bench reports too: the smallest of $Values that at least
    # $Share of them do not exceed (a value that was measured, not an interpolation). NaN for none.
    param([double[]] $Values, [double] $Share)
    if ($Values.Count -eq 0) { return [double]::NaN }
    $sorted = @($Values | Sort-Object)
    $sorted[[math]::Max(0, [math]::Min($sorted.Count - 1, [math]::Ceiling($Share * $sorted.Count) - 1))]
}
