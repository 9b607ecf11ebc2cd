@echo off
rem Runs the Descent command line on Windows, as ./descent does elsewhere. Builds it first (with
rem the Maven wrapper, bundling OpenBLAS's natives for windows-x86_64) when the jar is missing,
rem then runs it with the same JVM options. After a change to the sources, delete
rem descent-cli\target\descent.jar (or run mvnw.cmd package) to rebuild. --spark needs ./descent.
rem "descent bench" also builds descent-bench (the benchmark harness) and puts its jar beside.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%descent-cli\target\descent.jar"
set "BJAR=%HERE%descent-bench\target\descent-bench.jar"
if /i "%~1"=="bench" goto bench
if exist "%JAR%" goto run
echo descent: building the command line (first run) ... 1>&2
pushd "%HERE%"
call mvnw.cmd -B -q -DskipTests -Djavacpp.platform=windows-x86_64 -pl descent-cli -am package
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" (
  echo descent: the build failed ^(see above^) 1>&2
  exit /b 1
)

:run
set "OPTS=-XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8"
set "JAVA_MAJOR="
for /f "tokens=2 delims==" %%v in ('java -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "JAVA_MAJOR=%%v"
if not defined JAVA_MAJOR set "JAVA_MAJOR=0"
set "JAVA_MAJOR=%JAVA_MAJOR: =%"
for /f "delims=." %%m in ("%JAVA_MAJOR%") do set "JAVA_MAJOR=%%m"
if %JAVA_MAJOR% GEQ 23 set "OPTS=%OPTS% --sun-misc-unsafe-memory-access=allow"
if /i "%~1"=="bench" goto runbench
java %OPTS% %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:runbench
java %OPTS% %JAVA_OPTS% -cp "%JAR%;%BJAR%" dev.descent.cli.Main %*
exit /b %ERRORLEVEL%

:bench
if exist "%BJAR%" if exist "%JAR%" goto run
echo descent: building the command line and the benchmark module (first bench run) ... 1>&2
pushd "%HERE%"
call mvnw.cmd -B -q -DskipTests -Djavacpp.platform=windows-x86_64 -pl descent-bench -am package
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" (
  echo descent: the build of descent-bench failed ^(see above^) 1>&2
  exit /b 1
)
goto run
