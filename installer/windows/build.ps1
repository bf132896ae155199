# Builds Frameproof's Windows app image and installer with the JDK's jlink and jpackage, as
# installer/build.sh does on Linux. Written from jpackage's documentation; not run by this project
# yet (installer/README.md).
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [msi|exe|app-image]
# Needs a 64-bit JDK 17+ (jlink, jpackage, jmods) and, for msi and exe, the WiX Toolset 3 on the
# PATH (JDK 17's jpackage calls its candle.exe and light.exe), and ImageMagick's magick.exe, which
# turns assets\frameproof.png into the .ico jpackage wants on Windows.
param([ValidateSet('msi', 'exe', 'app-image')][string]$Kind = 'msi')
$ErrorActionPreference = 'Stop'

$here = (Resolve-Path "$PSScriptRoot\..\..").Path
$out = Join-Path $here 'target\installer'
function Say($message) { Write-Host "build.ps1: $message" }
function Fail($message) { Write-Error "build.ps1: $message"; exit 1 }

# jlink and jpackage come with the JDK that builds the app.
if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\jpackage.exe")) {
    $jdk = $env:JAVA_HOME
} elseif ($javac = Get-Command javac.exe -ErrorAction SilentlyContinue) {
    $jdk = Split-Path (Split-Path $javac.Source)
} else {
    Fail 'no JDK found: install a 64-bit JDK 17 or newer, or set JAVA_HOME.'
}
if (-not (Test-Path "$jdk\bin\jpackage.exe")) { Fail "the JDK in $jdk has no jpackage (JDK 16 and newer have it)." }
if (-not (Test-Path "$jdk\jmods")) { Fail "the JDK in $jdk has no jmods folder, which jlink needs." }
if ($Kind -ne 'app-image' -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    Fail 'the WiX Toolset 3 is not on the PATH (candle.exe, light.exe): jpackage needs it for msi and exe.'
}

Set-Location $here
# The pom picks FFmpeg's Windows natives (javacpp.platform windows-x86_64) on Windows by itself.
Say 'building the app (mvnw package)'
& "$here\mvnw.cmd" -B -q -DskipTests package
if ($LASTEXITCODE -ne 0) { Fail 'the Maven build failed.' }
$version = (Select-String -Path "$here\target\maven-archiver\pom.properties" -Pattern '^version=(.*)$').Matches[0].Groups[1].Value
$version = $version -replace '-SNAPSHOT$', '' # jpackage takes numbers only

foreach ($folder in 'input', 'runtime', 'frameproof') {
    if (Test-Path "$out\$folder") { Remove-Item -Recurse -Force "$out\$folder" }
}
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item "$here\target\frameproof.jar" "$out\input\"
Copy-Item -Recurse "$here\target\lib" "$out\input\lib"

# A dependency that starts using another JDK module must not break the installed app silently.
$needed = (& "$jdk\bin\jdeps.exe" --multi-release 17 --ignore-missing-deps --print-module-deps `
        --class-path "$out\input\lib\*" "$out\input\frameproof.jar" (Get-ChildItem "$out\input\lib\*.jar").FullName |
    Select-Object -Last 1) -split ','
$listed = (Select-String -Path "$here\installer\jlink.args" -Pattern '^--add-modules (.*)$').Matches |
    ForEach-Object { $_.Groups[1].Value -split ',' }
$missing = $needed | Where-Object { $_ -and $listed -notcontains $_ }
if ($missing) { Fail "the jars need JDK modules missing from installer\jlink.args: $($missing -join ', ')" }

# jpackage takes only an .ico on Windows; it overrides the .png of jpackage-common.args.
if (-not (Get-Command magick.exe -ErrorAction SilentlyContinue)) {
    Fail 'ImageMagick (magick.exe) makes the Windows icon: install it (choco install imagemagick).'
}
$icon = "$out\frameproof.ico"
New-Item -ItemType Directory -Force $out | Out-Null
& magick.exe "$here\assets\frameproof.png" -define icon:auto-resize=256,48,32,16 $icon
$iconOption = @('--icon', $icon)

Say 'making the runtime (jlink)'
& "$jdk\bin\jlink.exe" '@installer/jlink.args' --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { Fail 'jlink failed.' }
Say 'making the app image (jpackage)'
& "$jdk\bin\jpackage.exe" '@installer/jpackage-common.args' '@installer/jpackage-app-image.args' --app-version $version @iconOption
if ($LASTEXITCODE -ne 0) { Fail 'jpackage failed to make the app image.' }
if ($Kind -eq 'app-image') { Say "done: $out\frameproof"; exit 0 }

Say "making the $Kind (jpackage, WiX)"
& "$jdk\bin\jpackage.exe" '@installer/jpackage-common.args' '@installer/windows/jpackage-windows.args' --type $Kind --app-version $version @iconOption
if ($LASTEXITCODE -ne 0) { Fail "jpackage failed to make the $Kind." }
Say "done: $out\frameproof-$version.$Kind"
