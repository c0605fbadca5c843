@echo off
rem iicsctl from the portable archive: needs Java 17 or newer, from JAVA_HOME, else the java on PATH.
setlocal
set "IICSCTL_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "IICSCTL_JAVA=%JAVA_HOME%\bin\java.exe"
"%IICSCTL_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %IICSCTL_JAVA_OPTS% -jar "%~dp0..\lib\iicsctl.jar" %*
exit /b %ERRORLEVEL%
