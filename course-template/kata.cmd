@echo off
rem kata watch: checks an exercise each time one of its files is saved (README, "The three commands").
setlocal
cd /d "%~dp0"
if /i not "%~1"=="watch" (
  echo usage: kata watch [-Dkata.tries=N] [-Dkata.verbose=true] 1>&2
  exit /b 2
)
shift
set JAVA_ARGS=
:args
if "%~1"=="" goto run
set JAVA_ARGS=%JAVA_ARGS% %1
shift
goto args
:run
rem ND4J's OpenMP workers busy-wait on small machines and starve the test thread (docs/HARNESS.md).
set OMP_NUM_THREADS=1
rem The verdicts use a few symbols (a check mark, a cross): UTF-8 in the console.
chcp 65001 >nul
echo Preparing watch mode: compiling the harness (the first run also downloads what it needs)...
rem The harness comes from its installed jar here (this is a course), copied beside the class path file.
call mvn -B compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/watch-classpath.txt -Dmdep.includeScope=runtime org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies -DincludeArtifactIds=backprop-harness -DoutputDirectory=target/watch-lib
if errorlevel 1 exit /b 1
java -Xmx512m -XX:+UseSerialGC %JAVA_ARGS% -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -cp "target\watch-lib\*" backprop.harness.watch.Bootstrap target\watch-classpath.txt .
