<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminGate</name>
    <message>
        <source>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</source>
        <translation>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>The request body is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>The request headers are too large.</translation>
    </message>
    <message>
        <source>A request body needs a Content-Length header.</source>
        <translation>A request body needs a Content-Length header.</translation>
    </message>
    <message>
        <source>The requested range is not satisfiable.</source>
        <translation>The requested range is not satisfiable.</translation>
    </message>
    <message>
        <source>This needs the admin user name and password, or the API key.</source>
        <translation>This needs the admin user name and password, or the API key.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins from your address. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed logins from your address. Try again in %n minute.</numerusform>
            <numerusform>Too many failed logins from your address. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>The request took too long to arrive.</translation>
    </message>
    <message>
        <source>The server is busy with too many connections. Try again shortly.</source>
        <translation>The server is busy with too many connections. Try again shortly.</translation>
    </message>
    <message>
        <source>This server does not answer to the host name %1. Add it to server/allowedHosts if it is yours.</source>
        <translation>This server does not answer to the host name %1. Add it to server/allowedHosts if it is yours.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>No data folder could be determined. Give one with --data-dir.</source>
        <translation>No data folder could be determined. Give one with --data-dir.</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created. Choose another one with --data-dir.</source>
        <translation>The data folder %1 cannot be created. Choose another one with --data-dir.</translation>
    </message>
    <message>
        <source>store/backend is postgresql but store/postgresUrl is empty. Set it to postgresql://user@host:5432/database.</source>
        <translation>store/backend is postgresql but store/postgresUrl is empty. Set it to postgresql://user@host:5432/database.</translation>
    </message>
</context>
<context>
    <name>BatchFile</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>This line is not a JSON object such as {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;}.</source>
        <translation>This line is not a JSON object such as {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>The file has no drills.</source>
        <translation>The file has no drills.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>drillstudio: %1</source>
        <translation>drillstudio: %1</translation>
    </message>
    <message>
        <source>Keep the database and the videos in &lt;dir&gt; (default: $DRILLSTUDIO_DATA_DIR, then %1).</source>
        <translation>Keep the database and the videos in &lt;dir&gt; (default: $DRILLSTUDIO_DATA_DIR, then %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>The run the video is for.</source>
        <translation>The run the video is for.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>The drill text.</source>
        <translation>The drill text.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Read the drill text from &lt;file&gt; (- for standard input).</source>
        <translation>Read the drill text from &lt;file&gt; (- for standard input).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>local or openai (default: from settings).</source>
        <translation>local or openai (default: from settings).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Video size, e.g. 1280x720.</source>
        <translation>Video size, e.g. 1280x720.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <source>Video length in seconds.</source>
        <translation>Video length in seconds.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Generate again even if the drill is cached.</source>
        <translation>Generate again even if the drill is cached.</translation>
    </message>
    <message>
        <source>Address of an OpenAI-compatible video API for this call, e.g. http://127.0.0.1:8000/v1 (default: openai/baseUrl from settings).</source>
        <translation>Address of an OpenAI-compatible video API for this call, e.g. http://127.0.0.1:8000/v1 (default: openai/baseUrl from settings).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Model for the openai provider for this call (default: generation/model from settings).</source>
        <translation>Model for the openai provider for this call (default: generation/model from settings).</translation>
    </message>
    <message>
        <source>--run-id is required.</source>
        <translation>--run-id is required.</translation>
    </message>
    <message>
        <source>Give the drill text with --drill or --drill-file (one of them).</source>
        <translation>Give the drill text with --drill or --drill-file (one of them).</translation>
    </message>
    <message>
        <source>Cannot read the drill file %1: %2</source>
        <translation>Cannot read the drill file %1: %2</translation>
    </message>
    <message>
        <source>The drill file is not UTF-8 text.</source>
        <translation>The drill file is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Generating… %1%</source>
        <translation>Generating… %1%</translation>
    </message>
    <message>
        <source>The video could not be generated: %1</source>
        <translation>The video could not be generated: %1</translation>
    </message>
    <message>
        <source>Run %1: the video is in the cache; nothing was generated.</source>
        <translation>Run %1: the video is in the cache; nothing was generated.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>JSON lines: {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;, &quot;size&quot;: &quot;1280x720&quot;, &quot;seconds&quot;: 4} (size and seconds optional); - for standard input.</source>
        <translation>JSON lines: {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;, &quot;size&quot;: &quot;1280x720&quot;, &quot;seconds&quot;: 4} (size and seconds optional); - for standard input.</translation>
    </message>
    <message>
        <source>Name the file with the drills, or - for standard input.</source>
        <translation>Name the file with the drills, or - for standard input.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Line %1 is not a JSON object.</source>
        <translation>Line %1 is not a JSON object.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>The file has no drills.</source>
        <translation>The file has no drills.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Run %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s) submitted; %1 failed, %2 refused.</source>
        <translation>
            <numerusform>%n drill submitted; %1 failed, %2 refused.</numerusform>
            <numerusform>%n drills submitted; %1 failed, %2 refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop when no job is left to do.</source>
        <translation>Stop when no job is left to do.</translation>
    </message>
    <message>
        <source>Working on the job queue; stop with Ctrl+C.</source>
        <translation>Working on the job queue; stop with Ctrl+C.</translation>
    </message>
    <message>
        <source> [y/N] </source>
        <translation> [y/N] </translation>
    </message>
    <message>
        <source>The run to clear.</source>
        <translation>The run to clear.</translation>
    </message>
    <message>
        <source>Clear every cached video.</source>
        <translation>Clear every cached video.</translation>
    </message>
    <message>
        <source>Do not ask before clearing.</source>
        <translation>Do not ask before clearing.</translation>
    </message>
    <message>
        <source>Say what to do: drillstudio cache list, cache clear --run-id N, cache clear --all, cache check, cache usage, cache costs or cache evict.</source>
        <translation>Say what to do: drillstudio cache list, cache clear --run-id N, cache clear --all, cache check, cache usage, cache costs or cache evict.</translation>
    </message>
    <message>
        <source>Give either --run-id N or --all.</source>
        <translation>Give either --run-id N or --all.</translation>
    </message>
    <message>
        <source>Run %1 has no cached video.</source>
        <translation>Run %1 has no cached video.</translation>
    </message>
    <message>
        <source>Cleared the cache of run %1.</source>
        <translation>Cleared the cache of run %1.</translation>
    </message>
    <message numerus="yes">
        <source>Remove all %n cached video(s) and every run link?</source>
        <translation>
            <numerusform>Remove the %n cached video and every run link?</numerusform>
            <numerusform>Remove all %n cached videos and every run link?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed. Add --yes to clear without being asked.</source>
        <translation>Nothing was removed. Add --yes to clear without being asked.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n video(s).</source>
        <translation>
            <numerusform>Removed %n video.</numerusform>
            <numerusform>Removed %n videos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) use %1 on disk.</source>
        <translation>
            <numerusform>%n video uses %1 on disk.</numerusform>
            <numerusform>%n videos use %1 on disk.</numerusform>
        </translation>
    </message>
    <message>
        <source>  run %1: %2 (shared videos count for every run)</source>
        <translation>  run %1: %2 (shared videos count for every run)</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>no cap</translation>
    </message>
    <message>
        <source>Today: %1 (cap: %2)</source>
        <translation>Today: %1 (cap: %2)</translation>
    </message>
    <message>
        <source>This month: %1 (cap: %2)</source>
        <translation>This month: %1 (cap: %2)</translation>
    </message>
    <message>
        <source>  run %1: %2</source>
        <translation>  run %1: %2</translation>
    </message>
    <message>
        <source>Videos made by the local renderer cost nothing.</source>
        <translation>Videos made by the local renderer cost nothing.</translation>
    </message>
    <message numerus="yes">
        <source>Evicted %n video(s) (cache/maxBytes and cache/maxAgeDays).</source>
        <translation>
            <numerusform>Evicted %n video (cache/maxBytes and cache/maxAgeDays).</numerusform>
            <numerusform>Evicted %n videos (cache/maxBytes and cache/maxAgeDays).</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>The cache is empty.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s), %1 in total.</source>
        <translation>
            <numerusform>%n video, %1 in total.</numerusform>
            <numerusform>%n videos, %1 in total.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2.</source>
        <translation>Unknown command &quot;%1&quot;. Commands: %2.</translation>
    </message>
    <message>
        <source>This build has no window. Use a command:</source>
        <translation>This build has no window. Use a command:</translation>
    </message>
    <message>
        <source>Generating… %1% (about %2 s left)</source>
        <translation>Generating… %1% (about %2 s left)</translation>
    </message>
    <message>
        <source>Estimated cost if it is not in the cache: $%1 (openai/prices).</source>
        <translation>Estimated cost if it is not in the cache: $%1 (openai/prices).</translation>
    </message>
    <message>
        <source>Address to listen on (default: server/host, 127.0.0.1).</source>
        <translation>Address to listen on (default: server/host, 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>Port to listen on; 0 picks a free one (default: server/port, 8006).</source>
        <translation>Port to listen on; 0 picks a free one (default: server/port, 8006).</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--port must be a whole number from 0 to 65535, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--host must be an IP address such as 127.0.0.1 or ::1, not &quot;%1&quot;.</source>
        <translation>--host must be an IP address such as 127.0.0.1 or ::1, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>server/host must be an IP address such as 127.0.0.1, not &quot;%1&quot;.</source>
        <translation>server/host must be an IP address such as 127.0.0.1, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use. Stop the other server or choose another port with --port.</source>
        <translation>Port %1 on %2 is already in use. Stop the other server or choose another port with --port.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Cannot listen on %1 port %2: %3</translation>
    </message>
    <message>
        <source>warning: the server is reachable from other machines on %1.</source>
        <translation>warning: the server is reachable from other machines on %1.</translation>
    </message>
    <message>
        <source>This build has no REST server.</source>
        <translation>This build has no REST server.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>set: read the key from standard input and store it.</source>
        <translation>set: read the key from standard input and store it.</translation>
    </message>
    <message>
        <source>Say what to do: drillstudio openai-key set (the key is read from standard input).</source>
        <translation>Say what to do: drillstudio openai-key set (the key is read from standard input).</translation>
    </message>
    <message>
        <source>This build has no keychain support; put the key in OPENAI_API_KEY or in the .env file named by openai/envFile.</source>
        <translation>This build has no keychain support; put the key in OPENAI_API_KEY or in the .env file named by openai/envFile.</translation>
    </message>
    <message>
        <source>API key (not shown): </source>
        <translation>API key (not shown): </translation>
    </message>
    <message>
        <source>No key was given on standard input; nothing was stored.</source>
        <translation>No key was given on standard input; nothing was stored.</translation>
    </message>
    <message>
        <source>That does not look like an API key (spaces, or over 1,024 characters); nothing was stored.</source>
        <translation>That does not look like an API key (spaces, or over 1,024 characters); nothing was stored.</translation>
    </message>
    <message>
        <source>The API key is stored in the system keychain.</source>
        <translation>The API key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>The keychain could not store the key (%1). Is a keychain service such as GNOME Keyring or KWallet running? Otherwise use OPENAI_API_KEY or the .env file named by openai/envFile.</source>
        <translation>The keychain could not store the key (%1). Is a keychain service such as GNOME Keyring or KWallet running? Otherwise use OPENAI_API_KEY or the .env file named by openai/envFile.</translation>
    </message>
    <message>
        <source>Also print informational messages (they always go to the log file in the data folder).</source>
        <translation>Also print informational messages (they always go to the log file in the data folder).</translation>
    </message>
    <message>
        <source>list: show the cached videos; clear: remove a run&apos;s link (--run-id) or everything (--all); usage: disk use in total and per run; costs: spending per day, month and run; evict: apply the size and age caps now; check: check the database.</source>
        <translation>list: show the cached videos; clear: remove a run&apos;s link (--run-id) or everything (--all); usage: disk use in total and per run; costs: spending per day, month and run; evict: apply the size and age caps now; check: check the database.</translation>
    </message>
    <message>
        <source>Print JSON instead of text (list, usage, costs, evict).</source>
        <translation>Print JSON instead of text (list, usage, costs, evict).</translation>
    </message>
    <message>
        <source>VIDEO ID</source>
        <translation>VIDEO ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>RUNS</source>
        <translation>RUNS</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>Downloading… %1 of %2</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>Downloading… %1</translation>
    </message>
    <message>
        <source>Run %1: answered from the drill library; nothing was generated.</source>
        <translation>Run %1: answered from the drill library; nothing was generated.</translation>
    </message>
    <message>
        <source>Read a secret (admin password or API key) from standard input, print its salted hash for server/adminPasswordHash or server/apiKeyHash, and exit.</source>
        <translation>Read a secret (admin password or API key) from standard input, print its salted hash for server/adminPasswordHash or server/apiKeyHash, and exit.</translation>
    </message>
    <message>
        <source>Give a secret of at least 8 characters on standard input.</source>
        <translation>Give a secret of at least 8 characters on standard input.</translation>
    </message>
    <message>
        <source>The drill library: recorded demonstrations that answer drill texts before anything is generated.

  library import FILE… --drill NAME… [--note TEXT] [--cue TEXT…] [--trim-start S] [--trim-end S] [--mute]
  library list [--json]
  library remove ID
  library match (--drill TEXT | --drill-file FILE)
  library synonyms add DRILL WORD…
  library synonyms list</source>
        <translation>The drill library: recorded demonstrations that answer drill texts before anything is generated.

  library import FILE… --drill NAME… [--note TEXT] [--cue TEXT…] [--trim-start S] [--trim-end S] [--mute]
  library list [--json]
  library remove ID
  library match (--drill TEXT | --drill-file FILE)
  library synonyms add DRILL WORD…
  library synonyms list</translation>
    </message>
    <message>
        <source>Also print informational messages.</source>
        <translation>Also print informational messages.</translation>
    </message>
    <message>
        <source>library</source>
        <translation>library</translation>
    </message>
    <message>
        <source>import, list, remove, match or synonyms</source>
        <translation>import, list, remove, match or synonyms</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds, like 1.5.</source>
        <translation>--%1 must be a number of seconds, like 1.5.</translation>
    </message>
    <message>
        <source>A drill the video shows (repeat for several; the first is its main drill).</source>
        <translation>A drill the video shows (repeat for several; the first is its main drill).</translation>
    </message>
    <message>
        <source>A note about the video.</source>
        <translation>A note about the video.</translation>
    </message>
    <message>
        <source>A coaching cue (repeat for several).</source>
        <translation>A coaching cue (repeat for several).</translation>
    </message>
    <message>
        <source>Start this many seconds into the recording.</source>
        <translation>Start this many seconds into the recording.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>End this many seconds into the recording.</source>
        <translation>End this many seconds into the recording.</translation>
    </message>
    <message>
        <source>Leave the sound out.</source>
        <translation>Leave the sound out.</translation>
    </message>
    <message>
        <source>Name the video files to import: library import FILE… --drill NAME…</source>
        <translation>Name the video files to import: library import FILE… --drill NAME…</translation>
    </message>
    <message>
        <source>Name the drill the video shows with --drill, for example --drill もも上げ.</source>
        <translation>Name the drill the video shows with --drill, for example --drill もも上げ.</translation>
    </message>
    <message>
        <source>Importing %1… %2%</source>
        <translation>Importing %1… %2%</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Print JSON.</translation>
    </message>
    <message>
        <source>The drill library is empty. Add a recording with: drillstudio library import FILE --drill NAME</source>
        <translation>The drill library is empty. Add a recording with: drillstudio library import FILE --drill NAME</translation>
    </message>
    <message>
        <source>Name the library video to remove: library remove ID</source>
        <translation>Name the library video to remove: library remove ID</translation>
    </message>
    <message>
        <source>Read the drill text from &lt;file&gt;.</source>
        <translation>Read the drill text from &lt;file&gt;.</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>built in</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>Use: library synonyms add DRILL WORD… (for example: library synonyms add もも上げ ニーアップ), or library synonyms list.</source>
        <translation>Use: library synonyms add DRILL WORD… (for example: library synonyms add もも上げ ニーアップ), or library synonyms list.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now names %2.</source>
        <translation>&quot;%1&quot; now names %2.</translation>
    </message>
    <message>
        <source>Use: library import, list, remove, match or synonyms (see drillstudio library --help).</source>
        <translation>Use: library import, list, remove, match or synonyms (see drillstudio library --help).</translation>
    </message>
    <message>
        <source>This build has no window to play a video in.</source>
        <translation>This build has no window to play a video in.</translation>
    </message>
    <message>
        <source>DrillStudio turns training-drill texts into short videos, keeps them in a cache and serves them to the web frontend.

Commands:
  (none)     open the window
  open FILE  open the window and play a video file (FILE alone does the same)
  generate   make the video for a run&apos;s drill and print its path
  batch      make the videos for many runs from a JSON-lines file
  worker     work through the shared job queue
  openai-key store the openai provider&apos;s API key in the system keychain
  cache      list, clear, check, measure or evict the cached videos
  library    import recorded drill videos that answer before anything is generated
  serve      answer the web frontend&apos;s REST calls and work on the job queue</source>
        <translation>DrillStudio turns training-drill texts into short videos, keeps them in a cache and serves them to the web frontend.

Commands:
  (none)     open the window
  open FILE  open the window and play a video file (FILE alone does the same)
  generate   make the video for a run&apos;s drill and print its path
  batch      make the videos for many runs from a JSON-lines file
  worker     work through the shared job queue
  openai-key store the openai provider&apos;s API key in the system keychain
  cache      list, clear, check, measure or evict the cached videos
  library    import recorded drill videos that answer before anything is generated
  serve      answer the web frontend&apos;s REST calls and work on the job queue</translation>
    </message>
    <message>
        <source>generate, batch, worker, serve, openai-key, cache, library, open FILE, or a video file to play</source>
        <translation>generate, batch, worker, serve, openai-key, cache, library, open FILE, or a video file to play</translation>
    </message>
    <message>
        <source>The service manager handed over %1 sockets; drillstudio serve takes one (a single ListenStream= in the socket unit).</source>
        <translation>The service manager handed over %1 sockets; drillstudio serve takes one (a single ListenStream= in the socket unit).</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The folder %1 cannot be created. Choose another data folder with --data-dir.</source>
        <translation>The folder %1 cannot be created. Choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable. Choose another data folder with --data-dir.</source>
        <translation>The folder %1 is not writable. Choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot hold the video library.</source>
        <translation>%1 is not a file, so it cannot hold the video library.</translation>
    </message>
    <message>
        <source>The library database %1 cannot be read: %2</source>
        <translation>The library database %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The file %1 is not a DrillStudio library database (it may be damaged). It was left untouched. Move it away or choose another data folder with --data-dir.</source>
        <translation>The file %1 is not a DrillStudio library database (it may be damaged). It was left untouched. Move it away or choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>The library database %1 was made by a newer DrillStudio (schema %2; this version knows up to %3). It was left untouched. Update DrillStudio to open it.</source>
        <translation>The library database %1 was made by a newer DrillStudio (schema %2; this version knows up to %3). It was left untouched. Update DrillStudio to open it.</translation>
    </message>
    <message>
        <source>The library database %1 is read-only. Check its permissions.</source>
        <translation>The library database %1 is read-only. Check its permissions.</translation>
    </message>
    <message>
        <source>No database file is configured.</source>
        <translation>No database file is configured.</translation>
    </message>
    <message>
        <source>The library database %1 cannot be opened: %2</source>
        <translation>The library database %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The PostgreSQL server at %1 cannot be reached: %2</source>
        <translation>The PostgreSQL server at %1 cannot be reached: %2</translation>
    </message>
    <message>
        <source>Could not back up the library database before upgrading it: %1</source>
        <translation>Could not back up the library database before upgrading it: %1</translation>
    </message>
    <message>
        <source>The library database was made by a newer DrillStudio (schema %1; this version knows up to %2). It was left untouched. Update DrillStudio to open it.</source>
        <translation>The library database was made by a newer DrillStudio (schema %1; this version knows up to %2). It was left untouched. Update DrillStudio to open it.</translation>
    </message>
    <message>
        <source>Could not start upgrading the library database: %1</source>
        <translation>Could not start upgrading the library database: %1</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>Migration %1 is missing from this build.</translation>
    </message>
    <message>
        <source>Upgrading the library database failed: %1</source>
        <translation>Upgrading the library database failed: %1</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>The integrity check could not run: %1</translation>
    </message>
    <message>
        <source>Some runs point to videos that no longer exist.</source>
        <translation>Some runs point to videos that no longer exist.</translation>
    </message>
    <message numerus="yes">
        <source>%n run link(s) point to missing videos.</source>
        <translation>
            <numerusform>%n run link points to a missing video.</numerusform>
            <numerusform>%n run links point to missing videos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The library database is healthy (schema %1).</source>
        <translation>The library database is healthy (schema %1).</translation>
    </message>
    <message>
        <source>Upgrading the library database to schema %1 failed, so it was left as it was (schema %2): %3</source>
        <translation>Upgrading the library database to schema %1 failed, so it was left as it was (schema %2): %3</translation>
    </message>
    <message>
        <source>The library database %1 is damaged (details below). Move it away to start with an empty library, or put back a copy saved before the damage.</source>
        <translation>The library database %1 is damaged (details below). Move it away to start with an empty library, or put back a copy saved before the damage.</translation>
    </message>
</context>
<context>
    <name>DrillLibrary</name>
    <message>
        <source>Name at least one drill the video shows.</source>
        <translation>Name at least one drill the video shows.</translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 MB; at most %3 MB, library/maxImportBytes).</source>
        <translation>%1 is too large to import (%2 MB; at most %3 MB, library/maxImportBytes).</translation>
    </message>
    <message>
        <source>The sound (%1) was left out: only AAC sound is kept.</source>
        <translation>The sound (%1) was left out: only AAC sound is kept.</translation>
    </message>
    <message>
        <source>This video is already in the library as %1.</source>
        <translation>This video is already in the library as %1.</translation>
    </message>
    <message>
        <source>There is no library video %1.</source>
        <translation>There is no library video %1.</translation>
    </message>
    <message>
        <source>Give a drill and a word for it, each 1 to 100 characters.</source>
        <translation>Give a drill and a word for it, each 1 to 100 characters.</translation>
    </message>
    <message>
        <source>The library video %1 is missing its file.</source>
        <translation>The library video %1 is missing its file.</translation>
    </message>
</context>
<context>
    <name>DrillLibraryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Drill (Japanese)</source>
        <translation>Drill (Japanese)</translation>
    </message>
    <message>
        <source>Drill (English)</source>
        <translation>Drill (English)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Coaching cues</source>
        <translation>Coaching cues</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Imported from</translation>
    </message>
</context>
<context>
    <name>DrillLibraryPanel</name>
    <message>
        <source>Drills in new imports:</source>
        <translation>Drills in new imports:</translation>
    </message>
    <message>
        <source>もも上げ, High knees</source>
        <translation>もも上げ, High knees</translation>
    </message>
    <message>
        <source>The drills the imported videos show, separated by commas; the first is the main drill.</source>
        <translation>The drills the imported videos show, separated by commas; the first is the main drill.</translation>
    </message>
    <message>
        <source>Import vid&amp;eo files…</source>
        <translation>Import vid&amp;eo files…</translation>
    </message>
    <message>
        <source>Import recorded demonstrations (MP4, MOV, WebM, MKV). Files can also be dropped here.</source>
        <translation>Import recorded demonstrations (MP4, MOV, WebM, MKV). Files can also be dropped here.</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>Import a f&amp;older…</translation>
    </message>
    <message>
        <source>Cancel impor&amp;t</source>
        <translation>Cancel impor&amp;t</translation>
    </message>
    <message>
        <source>Pla&amp;y</source>
        <translation>Pla&amp;y</translation>
    </message>
    <message>
        <source>Remove from li&amp;brary…</source>
        <translation>Remove from li&amp;brary…</translation>
    </message>
    <message>
        <source>Selected video</source>
        <translation>Selected video</translation>
    </message>
    <message>
        <source>&amp;Japanese names:</source>
        <translation>&amp;Japanese names:</translation>
    </message>
    <message>
        <source>English names:</source>
        <translation>English names:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Coaching c&amp;ues:</source>
        <translation>Coaching c&amp;ues:</translation>
    </message>
    <message>
        <source>One cue a line</source>
        <translation>One cue a line</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Sa&amp;ve changes</translation>
    </message>
    <message>
        <source>Which video would a drill text get?</source>
        <translation>Which video would a drill text get?</translation>
    </message>
    <message>
        <source>Try a drill te&amp;xt:</source>
        <translation>Try a drill te&amp;xt:</translation>
    </message>
    <message>
        <source>Paste the drill section of an advice text</source>
        <translation>Paste the drill section of an advice text</translation>
    </message>
    <message>
        <source>Drill library videos</source>
        <translation>Drill library videos</translation>
    </message>
    <message>
        <source>Drills in new imports</source>
        <translation>Drills in new imports</translation>
    </message>
    <message>
        <source>Import video files</source>
        <translation>Import video files</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>Play the selected video</source>
        <translation>Play the selected video</translation>
    </message>
    <message>
        <source>Remove the selected video from the library</source>
        <translation>Remove the selected video from the library</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <source>Japanese drill names</source>
        <translation>Japanese drill names</translation>
    </message>
    <message>
        <source>English drill names</source>
        <translation>English drill names</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Coaching cues, one a line</source>
        <translation>Coaching cues, one a line</translation>
    </message>
    <message>
        <source>Save the drills, notes and cues</source>
        <translation>Save the drills, notes and cues</translation>
    </message>
    <message>
        <source>Drill text to try</source>
        <translation>Drill text to try</translation>
    </message>
    <message>
        <source>Library video the drill text would get</source>
        <translation>Library video the drill text would get</translation>
    </message>
    <message>
        <source>Library messages</source>
        <translation>Library messages</translation>
    </message>
    <message>
        <source>Import demonstration videos</source>
        <translation>Import demonstration videos</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.webm *.mkv);;All files (*)</source>
        <translation>Videos (*.mp4 *.m4v *.mov *.webm *.mkv);;All files (*)</translation>
    </message>
    <message>
        <source>Import the videos of a folder</source>
        <translation>Import the videos of a folder</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>The file of this library video is missing: %1</source>
        <translation>The file of this library video is missing: %1</translation>
    </message>
    <message>
        <source>Name at least one drill the video shows.</source>
        <translation>Name at least one drill the video shows.</translation>
    </message>
    <message>
        <source>The drill name &quot;%1…&quot; is too long: at most %2 characters.</source>
        <translation>The drill name &quot;%1…&quot; is too long: at most %2 characters.</translation>
    </message>
    <message>
        <source>The notes are too long: at most %1 characters.</source>
        <translation>The notes are too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>A coaching cue is too long: at most %1 characters a line.</source>
        <translation>A coaching cue is too long: at most %1 characters a line.</translation>
    </message>
    <message>
        <source>Too many coaching cues: at most %1.</source>
        <translation>Too many coaching cues: at most %1.</translation>
    </message>
    <message>
        <source>Saved the drills, notes and cues of %1.</source>
        <translation>Saved the drills, notes and cues of %1.</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the drill library? Its video file is deleted.</source>
        <translation>Remove &quot;%1&quot; from the drill library? Its video file is deleted.</translation>
    </message>
    <message numerus="yes">
        <source>Remove &quot;%1&quot; from the drill library? Its video file is deleted, and run(s) %2 answered with it will no longer have a video.</source>
        <translation>
            <numerusform>Remove &quot;%1&quot; from the drill library? Its video file is deleted, and run %2 answered with it will no longer have a video.</numerusform>
            <numerusform>Remove &quot;%1&quot; from the drill library? Its video file is deleted, and runs %2 answered with it will no longer have a video.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the drill library</source>
        <translation>Remove from the drill library</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; from the drill library.</source>
        <translation>Removed &quot;%1&quot; from the drill library.</translation>
    </message>
    <message>
        <source>An import is under way; wait for it or cancel it first.</source>
        <translation>An import is under way; wait for it or cancel it first.</translation>
    </message>
    <message>
        <source>Name the drill the videos show in &quot;Drills in new imports&quot; first.</source>
        <translation>Name the drill the videos show in &quot;Drills in new imports&quot; first.</translation>
    </message>
    <message>
        <source>There is no video file to import (MP4, MOV, WebM or MKV).</source>
        <translation>There is no video file to import (MP4, MOV, WebM or MKV).</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 imported, %2 failed</source>
        <translation>%1 imported, %2 failed</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %n video(s) imported before; nothing of the cancelled file was kept.</source>
        <translation>
            <numerusform>Import cancelled: %n video imported before; nothing of the cancelled file was kept.</numerusform>
            <numerusform>Import cancelled: %n videos imported before; nothing of the cancelled file was kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n video(s).</source>
        <translation>
            <numerusform>Imported %n video.</numerusform>
            <numerusform>Imported %n videos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Looking…</translation>
    </message>
    <message>
        <source>The library video &quot;%1&quot; would be shown (confidence %2 %); nothing is generated.</source>
        <translation>The library video &quot;%1&quot; would be shown (confidence %2 %); nothing is generated.</translation>
    </message>
    <message>
        <source>No library video matches: the video would be generated.</source>
        <translation>No library video matches: the video would be generated.</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>Drill library</translation>
    </message>
</context>
<context>
    <name>DrillMatcher</name>
    <message>
        <source>No library video: the text names no drill the library knows.</source>
        <translation>No library video: the text names no drill the library knows.</translation>
    </message>
    <message>
        <source>No library video: the library has no video of %1.</source>
        <translation>No library video: the library has no video of %1.</translation>
    </message>
    <message>
        <source>Library video %1 was chosen, confidence %2%.</source>
        <translation>Library video %1 was chosen, confidence %2%.</translation>
    </message>
    <message>
        <source>Also named, not in this video: %1 (library video %2).</source>
        <translation>Also named, not in this video: %1 (library video %2).</translation>
    </message>
    <message>
        <source>Also named, not in the library: %1.</source>
        <translation>Also named, not in the library: %1.</translation>
    </message>
    <message>
        <source>%1: the text says &quot;%2&quot;, a name of this drill (&quot;%3&quot;); confidence %4%.</source>
        <translation>%1: the text says &quot;%2&quot;, a name of this drill (&quot;%3&quot;); confidence %4%.</translation>
    </message>
    <message>
        <source>%1: the text reads almost like &quot;%2&quot;; confidence %3%.</source>
        <translation>%1: the text reads almost like &quot;%2&quot;; confidence %3%.</translation>
    </message>
    <message>
        <source>%1: the text says &quot;%2&quot;, written almost like &quot;%3&quot;; confidence %4%.</source>
        <translation>%1: the text says &quot;%2&quot;, written almost like &quot;%3&quot;; confidence %4%.</translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <source>Today&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/dailyUsd.</source>
        <translation>Today&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/dailyUsd.</translation>
    </message>
    <message>
        <source>This month&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/monthlyUsd.</source>
        <translation>This month&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/monthlyUsd.</translation>
    </message>
    <message>
        <source>The video provider &quot;%1&quot; is not available.</source>
        <translation>The video provider &quot;%1&quot; is not available.</translation>
    </message>
    <message>
        <source>The same drill is being recorded by another process; try again in a moment.</source>
        <translation>The same drill is being recorded by another process; try again in a moment.</translation>
    </message>
    <message numerus="yes">
        <source>The video was not ready after %n minute(s); gave up waiting. Raise jobs/timeoutSeconds if the provider is slow.</source>
        <translation>
            <numerusform>The video was not ready after %n minute; gave up waiting. Raise jobs/timeoutSeconds if the provider is slow.</numerusform>
            <numerusform>The video was not ready after %n minutes; gave up waiting. Raise jobs/timeoutSeconds if the provider is slow.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>This video is no longer in the cache.</source>
        <translation>This video is no longer in the cache.</translation>
    </message>
    <message>
        <source>This video is still being generated; cancel it first.</source>
        <translation>This video is still being generated; cancel it first.</translation>
    </message>
    <message>
        <source>The spending so far cannot be read from the library database, so no paid video is ordered (a budget is set). Check the database, or use the local renderer.</source>
        <translation>The spending so far cannot be read from the library database, so no paid video is ordered (a budget is set). Check the database, or use the local renderer.</translation>
    </message>
    <message>
        <source>The drill library is not available here.</source>
        <translation>The drill library is not available here.</translation>
    </message>
</context>
<context>
    <name>JobSpec</name>
    <message>
        <source>Enter a run ID.</source>
        <translation>Enter a run ID.</translation>
    </message>
    <message>
        <source>The run ID must be a positive whole number, like 42 (got &quot;%1&quot;).</source>
        <translation>The run ID must be a positive whole number, like 42 (got &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>Enter the drill text.</source>
        <translation>Enter the drill text.</translation>
    </message>
    <message>
        <source>The drill text is too long: %1 characters, at most %2.</source>
        <translation>The drill text is too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>The video size %1x%2 is not supported.</source>
        <translation>The video size %1x%2 is not supported.</translation>
    </message>
    <message>
        <source>The video length must be between 1 and 60 seconds.</source>
        <translation>The video length must be between 1 and 60 seconds.</translation>
    </message>
    <message>
        <source>No video provider is chosen.</source>
        <translation>No video provider is chosen.</translation>
    </message>
    <message>
        <source>The run ID %1 is too large; run IDs go up to %2.</source>
        <translation>The run ID %1 is too large; run IDs go up to %2.</translation>
    </message>
    <message>
        <source>The run ID must be 1 or more (got %1).</source>
        <translation>The run ID must be 1 or more (got %1).</translation>
    </message>
    <message>
        <source>The run ID must be a positive whole number, like 42.</source>
        <translation>The run ID must be a positive whole number, like 42.</translation>
    </message>
    <message>
        <source>The run ID must be a whole number, without a fraction (got %1).</source>
        <translation>The run ID must be a whole number, without a fraction (got %1).</translation>
    </message>
    <message>
        <source>The run ID must be written as a whole number, without a fraction or exponent (got %1).</source>
        <translation>The run ID must be written as a whole number, without a fraction or exponent (got %1).</translation>
    </message>
    <message>
        <source>The run ID must be a whole number from 1 to %1.</source>
        <translation>The run ID must be a whole number from 1 to %1.</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Downloading</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>The library database could not record a new video: %1</source>
        <translation>The library database could not record a new video: %1</translation>
    </message>
    <message>
        <source>The library database could not update a video: %1</source>
        <translation>The library database could not update a video: %1</translation>
    </message>
    <message>
        <source>The library database could not read a video: %1</source>
        <translation>The library database could not read a video: %1</translation>
    </message>
    <message>
        <source>The library database could not look up a video: %1</source>
        <translation>The library database could not look up a video: %1</translation>
    </message>
    <message>
        <source>The library database could not link the run to its video: %1</source>
        <translation>The library database could not link the run to its video: %1</translation>
    </message>
    <message>
        <source>The library database could not look up a run: %1</source>
        <translation>The library database could not look up a run: %1</translation>
    </message>
    <message>
        <source>The library database could not remove the run: %1</source>
        <translation>The library database could not remove the run: %1</translation>
    </message>
    <message>
        <source>The library database could not delete a video: %1</source>
        <translation>The library database could not delete a video: %1</translation>
    </message>
    <message>
        <source>The library database could not list videos: %1</source>
        <translation>The library database could not list videos: %1</translation>
    </message>
    <message>
        <source>The library database could not claim a job: %1</source>
        <translation>The library database could not claim a job: %1</translation>
    </message>
    <message>
        <source>The library database could not list waiting jobs: %1</source>
        <translation>The library database could not list waiting jobs: %1</translation>
    </message>
    <message>
        <source>The library database could not renew job claims: %1</source>
        <translation>The library database could not renew job claims: %1</translation>
    </message>
    <message>
        <source>The library database could not release job claims: %1</source>
        <translation>The library database could not release job claims: %1</translation>
    </message>
    <message>
        <source>The library database could not cancel a job: %1</source>
        <translation>The library database could not cancel a job: %1</translation>
    </message>
    <message>
        <source>The library database could not add up costs: %1</source>
        <translation>The library database could not add up costs: %1</translation>
    </message>
    <message>
        <source>The library database could not measure disk usage: %1</source>
        <translation>The library database could not measure disk usage: %1</translation>
    </message>
    <message>
        <source>The library database could not check the budget: %1</source>
        <translation>The library database could not check the budget: %1</translation>
    </message>
    <message>
        <source>The library database could not count jobs: %1</source>
        <translation>The library database could not count jobs: %1</translation>
    </message>
    <message>
        <source>The library database could not list the runs: %1</source>
        <translation>The library database could not list the runs: %1</translation>
    </message>
</context>
<context>
    <name>JobsList</name>
    <message>
        <source>Progress of run %1</source>
        <translation>Progress of run %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel run %1</source>
        <translation>Cancel run %1</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Run %1 · %2</translation>
    </message>
    <message>
        <source>waiting · %p%</source>
        <translation>waiting · %p%</translation>
    </message>
    <message>
        <source>%p% · about %1 s left</source>
        <translation>%p% · about %1 s left</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Downloading the video… %1 of %2</source>
        <translation>Downloading the video… %1 of %2</translation>
    </message>
    <message>
        <source>Downloading the video… %1</source>
        <translation>Downloading the video… %1</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>%1% · about %2 s left</source>
        <translation>%1% · about %2 s left</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Request ID: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>this window</source>
        <translation>this window</translation>
    </message>
    <message>
        <source>another program on %1</source>
        <translation>another program on %1</translation>
    </message>
    <message>
        <source>waiting for a worker</source>
        <translation>waiting for a worker</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Worked on by</source>
        <translation>Worked on by</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Select a job to see its details: errors, request ID, times and cost.</source>
        <translation>Select a job to see its details: errors, request ID, times and cost.</translation>
    </message>
    <message>
        <source>Canc&amp;el job</source>
        <translation>Canc&amp;el job</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Re&amp;try</translation>
    </message>
    <message>
        <source>Run a failed or cancelled job again with the same settings</source>
        <translation>Run a failed or cancelled job again with the same settings</translation>
    </message>
    <message>
        <source>Import a &amp;batch file…</source>
        <translation>Import a &amp;batch file…</translation>
    </message>
    <message>
        <source>Submit many drills from a JSON-lines file, as &quot;drillstudio batch&quot; does</source>
        <translation>Submit many drills from a JSON-lines file, as &quot;drillstudio batch&quot; does</translation>
    </message>
    <message>
        <source>Jobs of the queue</source>
        <translation>Jobs of the queue</translation>
    </message>
    <message>
        <source>Details of the selected job</source>
        <translation>Details of the selected job</translation>
    </message>
    <message>
        <source>Report of the batch file</source>
        <translation>Report of the batch file</translation>
    </message>
    <message>
        <source>Progress of the batch file</source>
        <translation>Progress of the batch file</translation>
    </message>
    <message>
        <source>Cancel the selected job (a remote provider may still bill it)</source>
        <translation>Cancel the selected job (a remote provider may still bill it)</translation>
    </message>
    <message>
        <source>Import a batch file</source>
        <translation>Import a batch file</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json *.txt);;All files (*)</source>
        <translation>JSON lines (*.jsonl *.json *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Under way: %1 · failed or cancelled in the last day: %2</source>
        <translation>Under way: %1 · failed or cancelled in the last day: %2</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Run %1 · %2</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Progress: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Request ID: %1</translation>
    </message>
    <message>
        <source>Remote video ID: %1</source>
        <translation>Remote video ID: %1</translation>
    </message>
    <message>
        <source>Provider: %1 · model %2 · %3 · %4 s</source>
        <translation>Provider: %1 · model %2 · %3 · %4 s</translation>
    </message>
    <message>
        <source>Cost: about $%1 estimated, $%2 billed</source>
        <translation>Cost: about $%1 estimated, $%2 billed</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Started: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Ended: %1</translation>
    </message>
    <message>
        <source>Worked on by: %1</source>
        <translation>Worked on by: %1</translation>
    </message>
    <message>
        <source>Job ID: %1</source>
        <translation>Job ID: %1</translation>
    </message>
    <message>
        <source>Drill:</source>
        <translation>Drill:</translation>
    </message>
    <message>
        <source>Retry a paid video</source>
        <translation>Retry a paid video</translation>
    </message>
    <message>
        <source>A new video for run %1 is ordered from %2 and billed (about $%3). Go on?</source>
        <translation>A new video for run %1 is ordered from %2 and billed (about $%3). Go on?</translation>
    </message>
    <message>
        <source>Run %1 uses a video already in the cache; nothing was generated.</source>
        <translation>Run %1 uses a video already in the cache; nothing was generated.</translation>
    </message>
    <message>
        <source>Run %1 joined the same drill already under way.</source>
        <translation>Run %1 joined the same drill already under way.</translation>
    </message>
    <message>
        <source>The order for run %1 is fetched again from %2; it is not billed a second time.</source>
        <translation>The order for run %1 is fetched again from %2; it is not billed a second time.</translation>
    </message>
    <message>
        <source>Run %1 is being generated again.</source>
        <translation>Run %1 is being generated again.</translation>
    </message>
    <message>
        <source>A batch file is still being imported.</source>
        <translation>A batch file is still being imported.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Nothing was submitted: no line of %1 can be used (see the list below).</source>
        <translation>Nothing was submitted: no line of %1 can be used (see the list below).</translation>
    </message>
    <message>
        <source>%1 of the %2 lines with drills cannot be used (they are listed in the panel). Submit the other %3?</source>
        <translation>%1 of the %2 lines with drills cannot be used (they are listed in the panel). Submit the other %3?</translation>
    </message>
    <message>
        <source>Nothing was submitted.</source>
        <translation>Nothing was submitted.</translation>
    </message>
    <message>
        <source>The %1 drills are ordered from %2, which bills each new video (about $%3 each, $%4 at most in all; drills already cached cost nothing). Go on?</source>
        <translation>The %1 drills are ordered from %2, which bills each new video (about $%3 each, $%4 at most in all; drills already cached cost nothing). Go on?</translation>
    </message>
    <message>
        <source>Submitting %v of %m</source>
        <translation>Submitting %v of %m</translation>
    </message>
    <message>
        <source>Submitting the drills of %1…</source>
        <translation>Submitting the drills of %1…</translation>
    </message>
    <message>
        <source>Line %1 (run %2): %3</source>
        <translation>Line %1 (run %2): %3</translation>
    </message>
    <message>
        <source>Batch file done. Submitted: %1 · refused: %2 · lines not usable: %3.</source>
        <translation>Batch file done. Submitted: %1 · refused: %2 · lines not usable: %3.</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>The multipart boundary is missing or longer than 70 characters.</source>
        <translation>The multipart boundary is missing or longer than 70 characters.</translation>
    </message>
    <message>
        <source>The body has no multipart boundary line.</source>
        <translation>The body has no multipart boundary line.</translation>
    </message>
    <message>
        <source>A multipart boundary line is malformed.</source>
        <translation>A multipart boundary line is malformed.</translation>
    </message>
    <message>
        <source>A multipart part has no end to its headers.</source>
        <translation>A multipart part has no end to its headers.</translation>
    </message>
    <message>
        <source>A multipart part is not form-data.</source>
        <translation>A multipart part is not form-data.</translation>
    </message>
    <message>
        <source>A multipart part has no name.</source>
        <translation>A multipart part has no name.</translation>
    </message>
    <message>
        <source>A multipart part has no Content-Disposition header.</source>
        <translation>A multipart part has no Content-Disposition header.</translation>
    </message>
    <message>
        <source>The multipart body ends before its closing boundary.</source>
        <translation>The multipart body ends before its closing boundary.</translation>
    </message>
    <message>
        <source>A drill name has at most %1 characters.</source>
        <translation>A drill name has at most %1 characters.</translation>
    </message>
    <message>
        <source>The note has at most %1 characters.</source>
        <translation>The note has at most %1 characters.</translation>
    </message>
    <message>
        <source>Give the trim in seconds, a number of 0 or more.</source>
        <translation>Give the trim in seconds, a number of 0 or more.</translation>
    </message>
    <message>
        <source>mute is true or false.</source>
        <translation>mute is true or false.</translation>
    </message>
    <message>
        <source>Send the video as a non-empty file field named &quot;file&quot;.</source>
        <translation>Send the video as a non-empty file field named &quot;file&quot;.</translation>
    </message>
    <message>
        <source>Send one video per request.</source>
        <translation>Send one video per request.</translation>
    </message>
    <message>
        <source>Name at least one drill the video shows (field &quot;drill&quot;).</source>
        <translation>Name at least one drill the video shows (field &quot;drill&quot;).</translation>
    </message>
    <message>
        <source>Name at most %1 drills.</source>
        <translation>Name at most %1 drills.</translation>
    </message>
    <message>
        <source>trim_end must come after trim_start.</source>
        <translation>trim_end must come after trim_start.</translation>
    </message>
    <message>
        <source>The upload is not valid multipart/form-data: %1</source>
        <translation>The upload is not valid multipart/form-data: %1</translation>
    </message>
    <message>
        <source>The server cannot store the upload: %1</source>
        <translation>The server cannot store the upload: %1</translation>
    </message>
    <message>
        <source>Send the video as multipart/form-data (Content-Type was &quot;%1&quot;).</source>
        <translation>Send the video as multipart/form-data (Content-Type was &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The multipart/form-data Content-Type has no boundary.</source>
        <translation>The multipart/form-data Content-Type has no boundary.</translation>
    </message>
    <message>
        <source>The drill library is not available.</source>
        <translation>The drill library is not available.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Runs: %1</source>
        <translation>Runs: %1</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>Run ID</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>S&amp;earch:</source>
        <translation>S&amp;earch:</translation>
    </message>
    <message>
        <source>Run ID or words of the drill</source>
        <translation>Run ID or words of the drill</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;vider:</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Runs:</translation>
    </message>
    <message>
        <source>&amp;Unlink run…</source>
        <translation>&amp;Unlink run…</translation>
    </message>
    <message>
        <source>The run no longer uses this video; the video goes when no run uses it</source>
        <translation>The run no longer uses this video; the video goes when no run uses it</translation>
    </message>
    <message>
        <source>Up&amp;keep</source>
        <translation>Up&amp;keep</translation>
    </message>
    <message>
        <source>Clear all, evict now, check the cache, disk use</source>
        <translation>Clear all, evict now, check the cache, disk use</translation>
    </message>
    <message>
        <source>Ready or under way</source>
        <translation>Ready or under way</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>Failed or cancelled</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Any provider</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation>Past 7 days</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>Past 30 days</translation>
    </message>
    <message>
        <source>Past year</source>
        <translation>Past year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Runs that use this video</source>
        <translation>Runs that use this video</translation>
    </message>
    <message>
        <source>&amp;Clear All…</source>
        <translation>&amp;Clear All…</translation>
    </message>
    <message>
        <source>&amp;Evict Now</source>
        <translation>&amp;Evict Now</translation>
    </message>
    <message>
        <source>C&amp;heck the Cache…</source>
        <translation>C&amp;heck the Cache…</translation>
    </message>
    <message>
        <source>&amp;Disk Use…</source>
        <translation>&amp;Disk Use…</translation>
    </message>
    <message>
        <source>What was spent cannot be read from the store.</source>
        <translation>What was spent cannot be read from the store.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 (no cap)</source>
        <translation>%1 (no cap)</translation>
    </message>
    <message>
        <source>Spent today: %1 · this month: %2</source>
        <translation>Spent today: %1 · this month: %2</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>no file</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>• %1 — runs: %2 — file: %3</source>
        <translation>• %1 — runs: %2 — file: %3</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…and %1 more.</translation>
    </message>
    <message>
        <source>Remove these %1 videos from the cache? The runs listed will no longer have a video.</source>
        <translation>Remove these %1 videos from the cache? The runs listed will no longer have a video.</translation>
    </message>
    <message>
        <source>Videos removed from the cache: %1.</source>
        <translation>Videos removed from the cache: %1.</translation>
    </message>
    <message>
        <source>Unlink run</source>
        <translation>Unlink run</translation>
    </message>
    <message>
        <source>Run %1 will no longer use this video. The video stays in the cache while another run uses it.</source>
        <translation>Run %1 will no longer use this video. The video stays in the cache while another run uses it.</translation>
    </message>
    <message>
        <source>Run %1 had no video.</source>
        <translation>Run %1 had no video.</translation>
    </message>
    <message>
        <source>Run %1 no longer uses the video.</source>
        <translation>Run %1 no longer uses the video.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Remove every finished video from the cache? Every run loses its video; videos being made are kept. This cannot be undone.</source>
        <translation>Remove every finished video from the cache? Every run loses its video; videos being made are kept. This cannot be undone.</translation>
    </message>
    <message>
        <source>No cache limit is set (largest size or oldest age in the settings), so no video was evicted.</source>
        <translation>No cache limit is set (largest size or oldest age in the settings), so no video was evicted.</translation>
    </message>
    <message>
        <source>Videos evicted to keep the cache within its limits: %1.</source>
        <translation>Videos evicted to keep the cache within its limits: %1.</translation>
    </message>
    <message>
        <source>Checking the cache…</source>
        <translation>Checking the cache…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>The check could not run: %1</translation>
    </message>
    <message>
        <source>Videos whose file is missing from the disk: %1 (first asked for by runs %2). They cannot be played; remove them from the cache and generate them again.</source>
        <translation>Videos whose file is missing from the disk: %1 (first asked for by runs %2). They cannot be played; remove them from the cache and generate them again.</translation>
    </message>
    <message>
        <source>Videos marked ready that have no file: %1 (first asked for by runs %2). Remove them from the cache and generate them again.</source>
        <translation>Videos marked ready that have no file: %1 (first asked for by runs %2). Remove them from the cache and generate them again.</translation>
    </message>
    <message>
        <source>Files in the video folder that belong to no video: %1 (%2), such as %3. Nothing uses them; they can be deleted to free space.</source>
        <translation>Files in the video folder that belong to no video: %1 (%2), such as %3. Nothing uses them; they can be deleted to free space.</translation>
    </message>
    <message>
        <source>Everything is in order: each of the %1 videos has its file, and the video folder holds nothing else.</source>
        <translation>Everything is in order: each of the %1 videos has its file, and the video folder holds nothing else.</translation>
    </message>
    <message>
        <source>Video folder: %1</source>
        <translation>Video folder: %1</translation>
    </message>
    <message>
        <source>The cache is in order.</source>
        <translation>The cache is in order.</translation>
    </message>
    <message>
        <source>The check found problems in the cache.</source>
        <translation>The check found problems in the cache.</translation>
    </message>
    <message>
        <source>Cache check</source>
        <translation>Cache check</translation>
    </message>
    <message>
        <source>The video folder uses %1 in %2 files: %3</source>
        <translation>The video folder uses %1 in %2 files: %3</translation>
    </message>
    <message>
        <source>Per run, largest first:</source>
        <translation>Per run, largest first:</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Run %1: %2</translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation>Disk use</translation>
    </message>
</context>
<context>
    <name>LibraryQuery</name>
    <message>
        <source>The library database could not list videos: %1</source>
        <translation>The library database could not list videos: %1</translation>
    </message>
    <message>
        <source>The library database could not count videos: %1</source>
        <translation>The library database could not count videos: %1</translation>
    </message>
    <message>
        <source>The library database could not list the runs of a video: %1</source>
        <translation>The library database could not list the runs of a video: %1</translation>
    </message>
</context>
<context>
    <name>LibraryStore</name>
    <message>
        <source>The library database could not save the drill names: %1</source>
        <translation>The library database could not save the drill names: %1</translation>
    </message>
    <message>
        <source>The library database could not add the video: %1</source>
        <translation>The library database could not add the video: %1</translation>
    </message>
    <message>
        <source>This video is already in the library (%1).</source>
        <translation>This video is already in the library (%1).</translation>
    </message>
    <message>
        <source>The library database could not save the video: %1</source>
        <translation>The library database could not save the video: %1</translation>
    </message>
    <message>
        <source>This video is no longer in the library.</source>
        <translation>This video is no longer in the library.</translation>
    </message>
    <message>
        <source>The library database could not remove the video: %1</source>
        <translation>The library database could not remove the video: %1</translation>
    </message>
    <message>
        <source>The library database could not read the drill names: %1</source>
        <translation>The library database could not read the drill names: %1</translation>
    </message>
    <message>
        <source>The library database could not read a video: %1</source>
        <translation>The library database could not read a video: %1</translation>
    </message>
    <message>
        <source>The library database could not list the library: %1</source>
        <translation>The library database could not list the library: %1</translation>
    </message>
    <message>
        <source>The library database could not save the drill synonyms: %1</source>
        <translation>The library database could not save the drill synonyms: %1</translation>
    </message>
    <message>
        <source>The library database could not save the drill synonym: %1</source>
        <translation>The library database could not save the drill synonym: %1</translation>
    </message>
    <message>
        <source>The library database could not read the drill synonyms: %1</source>
        <translation>The library database could not read the drill synonyms: %1</translation>
    </message>
    <message>
        <source>The library database could not record the match: %1</source>
        <translation>The library database could not record the match: %1</translation>
    </message>
    <message>
        <source>Cannot read the runs linked to library video %1: %2</source>
        <translation>Cannot read the runs linked to library video %1: %2</translation>
    </message>
</context>
<context>
    <name>LocalProvider</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The local renderer failed: %1</source>
        <translation>The local renderer failed: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n video(s) are still being made. Remote ones stay ordered and are fetched the next time DrillStudio or &quot;drillstudio worker&quot; runs; local ones start again then. Quit now?</source>
        <translation>
            <numerusform>%n video is still being made. Remote ones stay ordered and are fetched the next time DrillStudio or &quot;drillstudio worker&quot; runs; local ones start again then. Quit now?</numerusform>
            <numerusform>%n videos are still being made. Remote ones stay ordered and are fetched the next time DrillStudio or &quot;drillstudio worker&quot; runs; local ones start again then. Quit now?</numerusform>
        </translation>
    </message>
    <message>
        <source>DrillStudio</source>
        <translation>DrillStudio</translation>
    </message>
    <message>
        <source>New drill video</source>
        <translation>New drill video</translation>
    </message>
    <message>
        <source>&amp;Run ID:</source>
        <translation>&amp;Run ID:</translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation>e.g. 42</translation>
    </message>
    <message>
        <source>&amp;Drill text:</source>
        <translation>&amp;Drill text:</translation>
    </message>
    <message>
        <source>Paste the drill section of the advice card, e.g. もも上げ 20m×3</source>
        <translation>Paste the drill section of the advice card, e.g. もも上げ 20m×3</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>Cached videos</source>
        <translation>Cached videos</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>Open &amp;Data Folder</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About DrillStudio</source>
        <translation>&amp;About DrillStudio</translation>
    </message>
    <message>
        <source>About DrillStudio</source>
        <translation>About DrillStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DrillStudio %1&lt;/h3&gt;&lt;p&gt;Turns training-drill texts into short videos, keeps them in a durable cache and serves them to the web frontend.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DrillStudio %1&lt;/h3&gt;&lt;p&gt;Turns training-drill texts into short videos, keeps them in a durable cache and serves them to the web frontend.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run %1 uses a video already in the cache; nothing was generated.</source>
        <translation>Run %1 uses a video already in the cache; nothing was generated.</translation>
    </message>
    <message>
        <source>Generating the video for run %1…</source>
        <translation>Generating the video for run %1…</translation>
    </message>
    <message>
        <source>The video for run %1 is ready.</source>
        <translation>The video for run %1 is ready.</translation>
    </message>
    <message>
        <source>Remove this video from the cache?</source>
        <translation>Remove this video from the cache?</translation>
    </message>
    <message numerus="yes">
        <source>Remove this video from the cache? Run(s) %1 will no longer have a video.</source>
        <translation>
            <numerusform>Remove this video from the cache? Run %1 will no longer have a video.</numerusform>
            <numerusform>Remove this video from the cache? Runs %1 will no longer have a video.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from cache</source>
        <translation>Remove from cache</translation>
    </message>
    <message>
        <source>The video was removed from the cache.</source>
        <translation>The video was removed from the cache.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s), %1</source>
        <translation>
            <numerusform>%n video, %1</numerusform>
            <numerusform>%n videos, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1×%2, %3 s</source>
        <translation>%1×%2, %3 s</translation>
    </message>
    <message>
        <source>Provider &quot;%1&quot; is not available</source>
        <translation>Provider &quot;%1&quot; is not available</translation>
    </message>
    <message>
        <source>Local renderer · %1 · free</source>
        <translation>Local renderer · %1 · free</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · about $%4 per new video</source>
        <translation>%1 (%2) · %3 · about $%4 per new video</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Make a &amp;new video</source>
        <translation>Make a &amp;new video</translation>
    </message>
    <message>
        <source>Generate again even though this drill is already cached</source>
        <translation>Generate again even though this drill is already cached</translation>
    </message>
    <message>
        <source>Generate the video (Ctrl+Return)</source>
        <translation>Generate the video (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>&amp;Include failed and cancelled</source>
        <translation>&amp;Include failed and cancelled</translation>
    </message>
    <message>
        <source>Re&amp;move from cache…</source>
        <translation>Re&amp;move from cache…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server (running)</source>
        <translation>Server (running)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>Run ID</translation>
    </message>
    <message>
        <source>Drill text</source>
        <translation>Drill text</translation>
    </message>
    <message>
        <source>Make a new video</source>
        <translation>Make a new video</translation>
    </message>
    <message>
        <source>A new video is ordered from %1 and billed (about $%2), although this drill is already cached. Go on?</source>
        <translation>A new video is ordered from %1 and billed (about $%2), although this drill is already cached. Go on?</translation>
    </message>
    <message>
        <source>The video for run %1 was already ordered from %2, which bills it even if you cancel now (about $%3). Cancel anyway?</source>
        <translation>The video for run %1 was already ordered from %2, which bills it even if you cancel now (about $%3). Cancel anyway?</translation>
    </message>
    <message>
        <source>Cancel a paid video</source>
        <translation>Cancel a paid video</translation>
    </message>
    <message>
        <source>The openai provider has no API key, so Generate would fail. Store one with &quot;drillstudio openai-key set&quot;, set OPENAI_API_KEY, or choose the local provider in the settings.</source>
        <translation>The openai provider has no API key, so Generate would fail. Store one with &quot;drillstudio openai-key set&quot;, set OPENAI_API_KEY, or choose the local provider in the settings.</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>Video ready</translation>
    </message>
    <message>
        <source>Video failed</source>
        <translation>Video failed</translation>
    </message>
    <message>
        <source>The video for run %1 could not be generated: %2</source>
        <translation>The video for run %1 could not be generated: %2</translation>
    </message>
    <message>
        <source>Generation for run %1 was cancelled.</source>
        <translation>Generation for run %1 was cancelled.</translation>
    </message>
    <message>
        <source>Already cached: Generate answers at once, at no cost.</source>
        <translation>Already cached: Generate answers at once, at no cost.</translation>
    </message>
    <message>
        <source>This video is no longer in the cache: it was removed, perhaps by another program or a team member.</source>
        <translation>This video is no longer in the cache: it was removed, perhaps by another program or a team member.</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>Cancel the newest job</source>
        <translation>Cancel the newest job</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>F1 or ?</source>
        <translation>F1 or ?</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>This list</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Single keys do not act while you type in a text field or while a button has the focus.</source>
        <translation>Single keys do not act while you type in a text field or while a button has the focus.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Quit DrillStudio</source>
        <translation>Quit DrillStudio</translation>
    </message>
    <message>
        <source>Save a copy of the video</source>
        <translation>Save a copy of the video</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 videos (*.mp4)</translation>
    </message>
    <message>
        <source>Save a Copy As…</source>
        <translation>Save a Copy As…</translation>
    </message>
    <message>
        <source>Copy the File</source>
        <translation>Copy the File</translation>
    </message>
    <message>
        <source>Open the Containing Folder</source>
        <translation>Open the Containing Folder</translation>
    </message>
    <message>
        <source>Copy the Download URL</source>
        <translation>Copy the Download URL</translation>
    </message>
    <message>
        <source>Saved a copy as %1.</source>
        <translation>Saved a copy as %1.</translation>
    </message>
    <message>
        <source>The copy could not be saved as %1.</source>
        <translation>The copy could not be saved as %1.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>Drill library</translation>
    </message>
    <message>
        <source>Playing %1.</source>
        <translation>Playing %1.</translation>
    </message>
</context>
<context>
    <name>MediaBackend</name>
    <message>
        <source>made for another version</source>
        <translation>made for another version</translation>
    </message>
    <message>
        <source>The video module of DrillStudio (FFmpeg) was not found (looked for %1). Reinstall DrillStudio.</source>
        <translation>The video module of DrillStudio (FFmpeg) was not found (looked for %1). Reinstall DrillStudio.</translation>
    </message>
    <message>
        <source>The video module of DrillStudio (FFmpeg) cannot be loaded: %1. Reinstall DrillStudio.</source>
        <translation>The video module of DrillStudio (FFmpeg) cannot be loaded: %1. Reinstall DrillStudio.</translation>
    </message>
</context>
<context>
    <name>OpenAICall</name>
    <message>
        <source>the download was longer than announced</source>
        <translation>the download was longer than announced</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>the answer is larger than %1 bytes</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>too many redirects</translation>
    </message>
    <message>
        <source>a redirect to an unusable address</source>
        <translation>a redirect to an unusable address</translation>
    </message>
    <message>
        <source>the download ended early</source>
        <translation>the download ended early</translation>
    </message>
    <message>
        <source>the answer has no job id</source>
        <translation>the answer has no job id</translation>
    </message>
</context>
<context>
    <name>OpenAIConfig</name>
    <message>
        <source>The video service does not accept the size %1. Allowed sizes (openai/allowedSizes): %2.</source>
        <translation>The video service does not accept the size %1. Allowed sizes (openai/allowedSizes): %2.</translation>
    </message>
    <message>
        <source>The video service does not accept a length of %1 seconds. Allowed lengths (openai/allowedSeconds): %2.</source>
        <translation>The video service does not accept a length of %1 seconds. Allowed lengths (openai/allowedSeconds): %2.</translation>
    </message>
    <message>
        <source>The video service address %1 uses http:// on another machine, so the API key would cross the network unencrypted. Use https://, or set openai/allowInsecure=true if this network is trusted.</source>
        <translation>The video service address %1 uses http:// on another machine, so the API key would cross the network unencrypted. Use https://, or set openai/allowInsecure=true if this network is trusted.</translation>
    </message>
    <message>
        <source>warning: the API key is sent unencrypted to %1 (http://, openai/allowInsecure=true).</source>
        <translation>warning: the API key is sent unencrypted to %1 (http://, openai/allowInsecure=true).</translation>
    </message>
</context>
<context>
    <name>OpenAIError</name>
    <message>
        <source>The video service refused this drill text or image under its content rules. Reword the drill (no real people, brands or music) or use the local renderer.</source>
        <translation>The video service refused this drill text or image under its content rules. Reword the drill (no real people, brands or music) or use the local renderer.</translation>
    </message>
    <message>
        <source>The video service rejected a setting of this request. Check the model, size and length in the settings.</source>
        <translation>The video service rejected a setting of this request. Check the model, size and length in the settings.</translation>
    </message>
    <message>
        <source>The video service did not accept the API key. Check OPENAI_API_KEY, the .env file named in the settings, or the key stored in the system keychain.</source>
        <translation>The video service did not accept the API key. Check OPENAI_API_KEY, the .env file named in the settings, or the key stored in the system keychain.</translation>
    </message>
    <message>
        <source>This account may not use this model: the organisation is not verified for it, or the service is not offered in this region.</source>
        <translation>This account may not use this model: the organisation is not verified for it, or the service is not offered in this region.</translation>
    </message>
    <message>
        <source>The account of this API key has no credit left. Add credit or use another key; nothing was retried.</source>
        <translation>The account of this API key has no credit left. Add credit or use another key; nothing was retried.</translation>
    </message>
    <message>
        <source>The video service is receiving too many requests from this account. Try again in a few minutes.</source>
        <translation>The video service is receiving too many requests from this account. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>The video service reported a conflict with another request. Try again.</source>
        <translation>The video service reported a conflict with another request. Try again.</translation>
    </message>
    <message>
        <source>The video service had an internal problem. Try again later.</source>
        <translation>The video service had an internal problem. Try again later.</translation>
    </message>
    <message>
        <source>The video service could not be reached. Check the network connection and the address in the settings (openai/baseUrl).</source>
        <translation>The video service could not be reached. Check the network connection and the address in the settings (openai/baseUrl).</translation>
    </message>
    <message>
        <source>The video service did not answer in time. Try again later.</source>
        <translation>The video service did not answer in time. Try again later.</translation>
    </message>
    <message>
        <source>The finished video can no longer be downloaded: the service keeps it only for a limited time.</source>
        <translation>The finished video can no longer be downloaded: the service keeps it only for a limited time.</translation>
    </message>
    <message>
        <source>This endpoint no longer offers this model (OpenAI shut its video API down on 2026-09-24). Set the address of a compatible endpoint in the settings (openai/baseUrl) and a model it offers, or use the local renderer.</source>
        <translation>This endpoint no longer offers this model (OpenAI shut its video API down on 2026-09-24). Set the address of a compatible endpoint in the settings (openai/baseUrl) and a model it offers, or use the local renderer.</translation>
    </message>
    <message>
        <source>The video service does not know this video.</source>
        <translation>The video service does not know this video.</translation>
    </message>
    <message>
        <source>No API key for the video service was found. Set OPENAI_API_KEY, name a .env file in the settings (openai/envFile), or store the key in the system keychain with: drillstudio openai-key set</source>
        <translation>No API key for the video service was found. Set OPENAI_API_KEY, name a .env file in the settings (openai/envFile), or store the key in the system keychain with: drillstudio openai-key set</translation>
    </message>
    <message>
        <source>The video service could not make this video.</source>
        <translation>The video service could not make this video.</translation>
    </message>
    <message>
        <source>The video service let this job expire before it could be downloaded.</source>
        <translation>The video service let this job expire before it could be downloaded.</translation>
    </message>
    <message>
        <source>The video service cancelled this job.</source>
        <translation>The video service cancelled this job.</translation>
    </message>
    <message>
        <source>The video was not ready within the time allowed (jobs/timeoutSeconds).</source>
        <translation>The video was not ready within the time allowed (jobs/timeoutSeconds).</translation>
    </message>
    <message>
        <source>The downloaded file is larger than allowed (openai/maxDownloadBytes).</source>
        <translation>The downloaded file is larger than allowed (openai/maxDownloadBytes).</translation>
    </message>
    <message>
        <source>The video service sent an answer that cannot be read. Check that openai/baseUrl points to an OpenAI-compatible video API.</source>
        <translation>The video service sent an answer that cannot be read. Check that openai/baseUrl points to an OpenAI-compatible video API.</translation>
    </message>
    <message>
        <source>The video could not be saved on this computer.</source>
        <translation>The video could not be saved on this computer.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The video service reported an error.</source>
        <translation>The video service reported an error.</translation>
    </message>
    <message>
        <source>(Details: %1)</source>
        <translation>(Details: %1)</translation>
    </message>
    <message>
        <source>status &quot;%1&quot;</source>
        <translation>status &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>OpenAIKeychain</name>
    <message>
        <source>This build has no keychain support.</source>
        <translation>This build has no keychain support.</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>The password file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>The password file %1 is empty.</translation>
    </message>
    <message>
        <source>Video generation is turned off because no generation password is configured. Set DRILLSTUDIO_GENERATION_PASSWORD or server/passwordFile, or set server/openGeneration to true on a development machine.</source>
        <translation>Video generation is turned off because no generation password is configured. Set DRILLSTUDIO_GENERATION_PASSWORD or server/passwordFile, or set server/openGeneration to true on a development machine.</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Loop</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <source>Previous frame (,)</source>
        <translation>Previous frame (,)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>Next frame (.)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>1× speed</source>
        <translation>1× speed</translation>
    </message>
    <message>
        <source>0.5× slow</source>
        <translation>0.5× slow</translation>
    </message>
    <message>
        <source>0.25× slow</source>
        <translation>0.25× slow</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Play or pause</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Previous frame</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Next frame</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Click to jump; arrow keys move a quarter second</source>
        <translation>Click to jump; arrow keys move a quarter second</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Frame %1</translation>
    </message>
    <message>
        <source>2× fast</source>
        <translation>2× fast</translation>
    </message>
    <message>
        <source>1.5× fast</source>
        <translation>1.5× fast</translation>
    </message>
    <message>
        <source>0.1× slow</source>
        <translation>0.1× slow</translation>
    </message>
    <message>
        <source>This video cannot be played: its file is missing or damaged.</source>
        <translation>This video cannot be played: its file is missing or damaged.</translation>
    </message>
    <message>
        <source>This video cannot be played.</source>
        <translation>This video cannot be played.</translation>
    </message>
    <message>
        <source>Video compared</source>
        <translation>Video compared</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>Playback speed ([ slower, ] faster)</translation>
    </message>
    <message>
        <source>A–B</source>
        <translation>A–B</translation>
    </message>
    <message>
        <source>A–B loop (L): the first press marks A, the second B, the third ends the loop</source>
        <translation>A–B loop (L): the first press marks A, the second B, the third ends the loop</translation>
    </message>
    <message>
        <source>A–B loop</source>
        <translation>A–B loop</translation>
    </message>
    <message>
        <source>Save this frame as a PNG picture (S)</source>
        <translation>Save this frame as a PNG picture (S)</translation>
    </message>
    <message>
        <source>Snapshot of this frame</source>
        <translation>Snapshot of this frame</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Compare…</translation>
    </message>
    <message>
        <source>Show a second video beside this one; both play and step together</source>
        <translation>Show a second video beside this one; both play and step together</translation>
    </message>
    <message>
        <source>Compare with another video</source>
        <translation>Compare with another video</translation>
    </message>
    <message>
        <source>Player in its own window, for a second screen (D)</source>
        <translation>Player in its own window, for a second screen (D)</translation>
    </message>
    <message>
        <source>Player in its own window</source>
        <translation>Player in its own window</translation>
    </message>
    <message>
        <source>Full screen (F; Escape leaves it)</source>
        <translation>Full screen (F; Escape leaves it)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Save this frame</source>
        <translation>Save this frame</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>Compare with a video</source>
        <translation>Compare with a video</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 videos (*.mp4)</translation>
    </message>
    <message>
        <source>A %1–B?</source>
        <translation>A %1–B?</translation>
    </message>
    <message>
        <source>A is marked; press again (L) at the end of the loop</source>
        <translation>A is marked; press again (L) at the end of the loop</translation>
    </message>
    <message>
        <source>A %1–B %2</source>
        <translation>A %1–B %2</translation>
    </message>
    <message>
        <source>Looping from A to B; press again (L) to end the loop</source>
        <translation>Looping from A to B; press again (L) to end the loop</translation>
    </message>
    <message>
        <source>The player is in a window of its own.</source>
        <translation>The player is in a window of its own.</translation>
    </message>
    <message>
        <source>Bring the player bac&amp;k</source>
        <translation>Bring the player bac&amp;k</translation>
    </message>
    <message>
        <source>DrillStudio player</source>
        <translation>DrillStudio player</translation>
    </message>
    <message>
        <source>Put the player back in the main window (D)</source>
        <translation>Put the player back in the main window (D)</translation>
    </message>
    <message>
        <source>Put the player back</source>
        <translation>Put the player back</translation>
    </message>
    <message>
        <source>Leave full screen (F or Escape)</source>
        <translation>Leave full screen (F or Escape)</translation>
    </message>
    <message>
        <source>There is no picture to save yet.</source>
        <translation>There is no picture to save yet.</translation>
    </message>
    <message>
        <source>The picture could not be saved as %1.</source>
        <translation>The picture could not be saved as %1.</translation>
    </message>
    <message>
        <source>End comparison</source>
        <translation>End comparison</translation>
    </message>
    <message>
        <source>End the comparison</source>
        <translation>End the comparison</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>, and .</source>
        <translation>, and .</translation>
    </message>
    <message>
        <source>One frame back or forward</source>
        <translation>One frame back or forward</translation>
    </message>
    <message>
        <source>Left and Right on the position bar</source>
        <translation>Left and Right on the position bar</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>Seek</translation>
    </message>
    <message>
        <source>[ and ]</source>
        <translation>[ and ]</translation>
    </message>
    <message>
        <source>Slower or faster (0.1× to 2×)</source>
        <translation>Slower or faster (0.1× to 2×)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>A–B loop: mark A, mark B, end the loop</source>
        <translation>A–B loop: mark A, mark B, end the loop</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Save the frame as a PNG picture</source>
        <translation>Save the frame as a PNG picture</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Full screen (Escape leaves it)</source>
        <translation>Full screen (Escape leaves it)</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Player in its own window, or back</source>
        <translation>Player in its own window, or back</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
</context>
<context>
    <name>RestServer</name>
    <message>
        <source>The server does not listen on %1 without admin credentials: anyone on the network could clear the cache. Set server/adminUser and server/adminPasswordHash, or server/apiKeyHash (drillstudio serve --hash-secret makes the hash), or listen on 127.0.0.1.</source>
        <translation>The server does not listen on %1 without admin credentials: anyone on the network could clear the cache. Set server/adminUser and server/adminPasswordHash, or server/apiKeyHash (drillstudio serve --hash-secret makes the hash), or listen on 127.0.0.1.</translation>
    </message>
    <message>
        <source>The socket handed over by the service manager cannot be used: %1</source>
        <translation>The socket handed over by the service manager cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>The same REST server as “drillstudio serve”, run inside this window: the web frontend can call it while you work here.</source>
        <translation>The same REST server as “drillstudio serve”, run inside this window: the web frontend can call it while you work here.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>any free port</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copy URL</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Start server</translation>
    </message>
    <message>
        <source>Start &amp;with the application</source>
        <translation>Start &amp;with the application</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Server port</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; use one such as 127.0.0.1.</source>
        <translation>&quot;%1&quot; is not an IP address; use one such as 127.0.0.1.</translation>
    </message>
    <message>
        <source>Port %1 is already in use. Stop the other server or choose another port.</source>
        <translation>Port %1 is already in use. Stop the other server or choose another port.</translation>
    </message>
    <message>
        <source>The server cannot listen on %1 port %2: %3</source>
        <translation>The server cannot listen on %1 port %2: %3</translation>
    </message>
    <message>
        <source>&amp;Stop server</source>
        <translation>&amp;Stop server</translation>
    </message>
    <message>
        <source>Listening. The web frontend calls %1generate; the old gateway path %1api/video-generation/ works too.</source>
        <translation>Listening. The web frontend calls %1generate; the old gateway path %1api/video-generation/ works too.</translation>
    </message>
    <message>
        <source>set: POST /generate asks for it</source>
        <translation>set: POST /generate asks for it</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>shown when the server runs</source>
        <translation>shown when the server runs</translation>
    </message>
    <message>
        <source>Demo page:</source>
        <translation>Demo page:</translation>
    </message>
    <message>
        <source>Latest requests:</source>
        <translation>Latest requests:</translation>
    </message>
    <message>
        <source>Demo page URL</source>
        <translation>Demo page URL</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Latest requests</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Use true or false.</source>
        <translation>Use true or false.</translation>
    </message>
    <message>
        <source>Use a whole number from %1 to %2.</source>
        <translation>Use a whole number from %1 to %2.</translation>
    </message>
    <message>
        <source>Use an amount in US dollars from %1 to %2 (0 means no limit).</source>
        <translation>Use an amount in US dollars from %1 to %2 (0 means no limit).</translation>
    </message>
    <message>
        <source>Use 1 to 100 characters.</source>
        <translation>Use 1 to 100 characters.</translation>
    </message>
    <message>
        <source>Use at most 200 characters.</source>
        <translation>Use at most 200 characters.</translation>
    </message>
    <message>
        <source>The video size must look like 1280x720 (even numbers).</source>
        <translation>The video size must look like 1280x720 (even numbers).</translation>
    </message>
    <message>
        <source>List at least one size, like 1280x720,720x1280.</source>
        <translation>List at least one size, like 1280x720,720x1280.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size like 1280x720.</source>
        <translation>&quot;%1&quot; is not a size like 1280x720.</translation>
    </message>
    <message>
        <source>List at least one length in seconds, like 4,8,12.</source>
        <translation>List at least one length in seconds, like 4,8,12.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a length from 1 to 60 seconds.</source>
        <translation>&quot;%1&quot; is not a length from 1 to 60 seconds.</translation>
    </message>
    <message>
        <source>Use an http:// or https:// address, like https://api.openai.com/v1.</source>
        <translation>Use an http:// or https:// address, like https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>Use an address like postgresql://user@host:5432/database.</source>
        <translation>Use an address like postgresql://user@host:5432/database.</translation>
    </message>
    <message>
        <source>Do not put the password in the address; use PGPASSWORD or ~/.pgpass.</source>
        <translation>Do not put the password in the address; use PGPASSWORD or ~/.pgpass.</translation>
    </message>
    <message>
        <source>The store must be &quot;sqlite&quot; or &quot;postgresql&quot;.</source>
        <translation>The store must be &quot;sqlite&quot; or &quot;postgresql&quot;.</translation>
    </message>
    <message>
        <source>The prompt template must contain {drill}.</source>
        <translation>The prompt template must contain {drill}.</translation>
    </message>
    <message>
        <source>The prompt template is too long.</source>
        <translation>The prompt template is too long.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price like sora-2:1280x720=0.10.</source>
        <translation>&quot;%1&quot; is not a price like sora-2:1280x720=0.10.</translation>
    </message>
    <message>
        <source>The settings file was written by a newer DrillStudio (version %1); values it does not know are ignored.</source>
        <translation>The settings file was written by a newer DrillStudio (version %1); values it does not know are ignored.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; defaults are used.</source>
        <translation>The settings file %1 cannot be read; defaults are used.</translation>
    </message>
    <message>
        <source>Setting %1: %2 The default (%3) is used instead.</source>
        <translation>Setting %1: %2 The default (%3) is used instead.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>The settings file %1 cannot be written.</translation>
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation>Unknown setting %1.</translation>
    </message>
    <message>
        <source>The provider must be &quot;local&quot;, &quot;openai&quot; or &quot;library&quot;.</source>
        <translation>The provider must be &quot;local&quot;, &quot;openai&quot; or &quot;library&quot;.</translation>
    </message>
    <message>
        <source>List the providers in order, like library,local.</source>
        <translation>List the providers in order, like library,local.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider; use library, local and openai, like library,local.</source>
        <translation>&quot;%1&quot; is not a provider; use library, local and openai, like library,local.</translation>
    </message>
    <message>
        <source>Use a number from 0.5 to 1 (1: only exact drill names match).</source>
        <translation>Use a number from 0.5 to 1 (1: only exact drill names match).</translation>
    </message>
    <message>
        <source>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</source>
        <translation>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</translation>
    </message>
    <message>
        <source>Environment variable %1: %2 It is ignored.</source>
        <translation>Environment variable %1: %2 It is ignored.</translation>
    </message>
    <message>
        <source>This setting comes from the environment variable %1; change it there.</source>
        <translation>This setting comes from the environment variable %1; change it there.</translation>
    </message>
    <message>
        <source>Provider for new videos: local (rendered on this machine) or openai.</source>
        <translation>Provider for new videos: local (rendered on this machine) or openai.</translation>
    </message>
    <message>
        <source>Where videos come from, in order: library (a matching video of the drill library, free and at once), then the first of local or openai generates one (the next when it refuses). Left at its default, generation/provider names the generator.</source>
        <translation>Where videos come from, in order: library (a matching video of the drill library, free and at once), then the first of local or openai generates one (the next when it refuses). Left at its default, generation/provider names the generator.</translation>
    </message>
    <message>
        <source>Model name sent to the openai provider.</source>
        <translation>Model name sent to the openai provider.</translation>
    </message>
    <message>
        <source>Video size, WIDTHxHEIGHT.</source>
        <translation>Video size, WIDTHxHEIGHT.</translation>
    </message>
    <message>
        <source>Video length in seconds.</source>
        <translation>Video length in seconds.</translation>
    </message>
    <message>
        <source>Prompt sent to the provider; {drill} stands for the drill text.</source>
        <translation>Prompt sent to the provider; {drill} stands for the drill text.</translation>
    </message>
    <message>
        <source>Runs with the same drill share one video (true) or each get their own (false).</source>
        <translation>Runs with the same drill share one video (true) or each get their own (false).</translation>
    </message>
    <message>
        <source>Cache size cap in bytes; least recently used videos go first. 0: no cap.</source>
        <translation>Cache size cap in bytes; least recently used videos go first. 0: no cap.</translation>
    </message>
    <message>
        <source>Videos not used for this many days are evicted. 0: keep.</source>
        <translation>Videos not used for this many days are evicted. 0: keep.</translation>
    </message>
    <message>
        <source>Local renders at the same time.</source>
        <translation>Local renders at the same time.</translation>
    </message>
    <message>
        <source>Remote jobs under way at the same time.</source>
        <translation>Remote jobs under way at the same time.</translation>
    </message>
    <message>
        <source>Overall time a job may take before it is given up.</source>
        <translation>Overall time a job may take before it is given up.</translation>
    </message>
    <message>
        <source>Daily spending cap for remote jobs in US dollars. 0: no cap.</source>
        <translation>Daily spending cap for remote jobs in US dollars. 0: no cap.</translation>
    </message>
    <message>
        <source>Monthly spending cap for remote jobs in US dollars. 0: no cap.</source>
        <translation>Monthly spending cap for remote jobs in US dollars. 0: no cap.</translation>
    </message>
    <message>
        <source>Job store: sqlite (a file in the data folder) or postgresql (shared by a team).</source>
        <translation>Job store: sqlite (a file in the data folder) or postgresql (shared by a team).</translation>
    </message>
    <message>
        <source>PostgreSQL address, postgresql://user@host:port/database (password from PGPASSWORD or ~/.pgpass).</source>
        <translation>PostgreSQL address, postgresql://user@host:port/database (password from PGPASSWORD or ~/.pgpass).</translation>
    </message>
    <message>
        <source>Base URL of an OpenAI-compatible Videos API.</source>
        <translation>Base URL of an OpenAI-compatible Videos API.</translation>
    </message>
    <message>
        <source>Use an http:// openai/baseUrl on another machine although the API key then crosses the network unencrypted (http:// to this machine is always allowed).</source>
        <translation>Use an http:// openai/baseUrl on another machine although the API key then crosses the network unencrypted (http:// to this machine is always allowed).</translation>
    </message>
    <message>
        <source>Optional OpenAI-Organization header.</source>
        <translation>Optional OpenAI-Organization header.</translation>
    </message>
    <message>
        <source>Optional OpenAI-Project header.</source>
        <translation>Optional OpenAI-Project header.</translation>
    </message>
    <message>
        <source>A .env file that holds OPENAI_API_KEY=..., when the key is not in the environment.</source>
        <translation>A .env file that holds OPENAI_API_KEY=..., when the key is not in the environment.</translation>
    </message>
    <message>
        <source>Sizes the endpoint accepts.</source>
        <translation>Sizes the endpoint accepts.</translation>
    </message>
    <message>
        <source>Lengths the endpoint accepts.</source>
        <translation>Lengths the endpoint accepts.</translation>
    </message>
    <message>
        <source>Time one HTTP request may take.</source>
        <translation>Time one HTTP request may take.</translation>
    </message>
    <message>
        <source>First wait between status polls (grows with backoff; openai-poll-after-ms wins).</source>
        <translation>First wait between status polls (grows with backoff; openai-poll-after-ms wins).</translation>
    </message>
    <message>
        <source>Retries of a failed request that is safe to repeat.</source>
        <translation>Retries of a failed request that is safe to repeat.</translation>
    </message>
    <message>
        <source>Largest file the openai provider downloads, in bytes.</source>
        <translation>Largest file the openai provider downloads, in bytes.</translation>
    </message>
    <message>
        <source>US dollars per second of video, per model and size.</source>
        <translation>US dollars per second of video, per model and size.</translation>
    </message>
    <message>
        <source>Lowest confidence (0.5 to 1) at which a library video answers a drill text; 1: only exact drill names.</source>
        <translation>Lowest confidence (0.5 to 1) at which a library video answers a drill text; 1: only exact drill names.</translation>
    </message>
    <message>
        <source>Keep each imported file as it was, beside the converted video.</source>
        <translation>Keep each imported file as it was, beside the converted video.</translation>
    </message>
    <message>
        <source>Largest file accepted for import into the drill library, in bytes.</source>
        <translation>Largest file accepted for import into the drill library, in bytes.</translation>
    </message>
    <message>
        <source>Log file size at which it is rotated, in bytes.</source>
        <translation>Log file size at which it is rotated, in bytes.</translation>
    </message>
    <message>
        <source>Address the REST server (drillstudio serve) listens on.</source>
        <translation>Address the REST server (drillstudio serve) listens on.</translation>
    </message>
    <message>
        <source>Port of the REST server; 0 picks a free one.</source>
        <translation>Port of the REST server; 0 picks a free one.</translation>
    </message>
    <message>
        <source>File whose first line is the generation password (DRILLSTUDIO_GENERATION_PASSWORD wins).</source>
        <translation>File whose first line is the generation password (DRILLSTUDIO_GENERATION_PASSWORD wins).</translation>
    </message>
    <message>
        <source>Let POST /generate run without a password when none is configured (development machines only).</source>
        <translation>Let POST /generate run without a password when none is configured (development machines only).</translation>
    </message>
    <message>
        <source>Largest request body the REST server accepts, in bytes.</source>
        <translation>Largest request body the REST server accepts, in bytes.</translation>
    </message>
    <message>
        <source>Largest upload to POST /library/videos, in bytes (held in memory while it arrives).</source>
        <translation>Largest upload to POST /library/videos, in bytes (held in memory while it arrives).</translation>
    </message>
    <message>
        <source>Longest time POST /generate waits for the video before answering 202.</source>
        <translation>Longest time POST /generate waits for the video before answering 202.</translation>
    </message>
    <message>
        <source>Comma-separated addresses of proxies whose X-Forwarded-For names the client (for the password lockout).</source>
        <translation>Comma-separated addresses of proxies whose X-Forwarded-For names the client (for the password lockout).</translation>
    </message>
    <message>
        <source>User name for HTTP Basic on the admin routes (DELETE /cache/..., /metrics).</source>
        <translation>User name for HTTP Basic on the admin routes (DELETE /cache/..., /metrics).</translation>
    </message>
    <message>
        <source>Salted PBKDF2 hash of the admin password (drillstudio serve --hash-secret).</source>
        <translation>Salted PBKDF2 hash of the admin password (drillstudio serve --hash-secret).</translation>
    </message>
    <message>
        <source>Salted PBKDF2 hash of the Bearer API key for the admin routes (drillstudio serve --hash-secret).</source>
        <translation>Salted PBKDF2 hash of the Bearer API key for the admin routes (drillstudio serve --hash-secret).</translation>
    </message>
    <message>
        <source>Let clients on this machine use the admin routes without credentials.</source>
        <translation>Let clients on this machine use the admin routes without credentials.</translation>
    </message>
    <message>
        <source>How long an address is refused after five failed admin logins, in seconds.</source>
        <translation>How long an address is refused after five failed admin logins, in seconds.</translation>
    </message>
    <message>
        <source>Comma-separated host names the server answers to besides localhost and IP addresses (*.example.org allowed); guards against DNS rebinding.</source>
        <translation>Comma-separated host names the server answers to besides localhost and IP addresses (*.example.org allowed); guards against DNS rebinding.</translation>
    </message>
    <message>
        <source>Time a client has to send one request&apos;s headers and body, in seconds; slower clients are cut off.</source>
        <translation>Time a client has to send one request&apos;s headers and body, in seconds; slower clients are cut off.</translation>
    </message>
    <message>
        <source>Time a kept-alive connection may stay idle between requests, in seconds, before the server closes it.</source>
        <translation>Time a kept-alive connection may stay idle between requests, in seconds, before the server closes it.</translation>
    </message>
    <message>
        <source>Connections the REST server keeps open at most; more are answered 503.</source>
        <translation>Connections the REST server keeps open at most; more are answered 503.</translation>
    </message>
    <message>
        <source>Comma-separated origins (http://localhost:3000) whose pages may call the server from a browser.</source>
        <translation>Comma-separated origins (http://localhost:3000) whose pages may call the server from a browser.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Changes apply at once, without a restart. Each field shows its default; an empty field means the default.</source>
        <translation>Changes apply at once, without a restart. Each field shows its default; an empty field means the default.</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Job store</source>
        <translation>Job store</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>REST server</source>
        <translation>REST server</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Stored in %1; edits made there by hand are picked up while the window is open.</source>
        <translation>Stored in %1; edits made there by hand are picked up while the window is open.</translation>
    </message>
    <message>
        <source>on (default: %1)</source>
        <translation>on (default: %1)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>(empty by default)</source>
        <translation>(empty by default)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>default: %1</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>OpenAI API &amp;key:</source>
        <translation>OpenAI API &amp;key:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI API key</translation>
    </message>
    <message>
        <source>paste a new key to store it</source>
        <translation>paste a new key to store it</translation>
    </message>
    <message>
        <source>No system keychain is running, so the key cannot be kept here. Start one (GNOME Keyring or KWallet), or set OPENAI_API_KEY, or name an environment file in openai/envFile.</source>
        <translation>No system keychain is running, so the key cannot be kept here. Start one (GNOME Keyring or KWallet), or set OPENAI_API_KEY, or name an environment file in openai/envFile.</translation>
    </message>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>(The keychain said: %1)</translation>
    </message>
    <message>
        <source>This build has no keychain support; set OPENAI_API_KEY or name an environment file in openai/envFile.</source>
        <translation>This build has no keychain support; set OPENAI_API_KEY or name an environment file in openai/envFile.</translation>
    </message>
    <message>
        <source>No key is stored in the system keychain yet.</source>
        <translation>No key is stored in the system keychain yet.</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain.</source>
        <translation>A key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain.</source>
        <translation>The key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>Store in key&amp;chain</source>
        <translation>Store in key&amp;chain</translation>
    </message>
</context>
<context>
    <name>VideoController</name>
    <message>
        <source>The size %1 is not offered; use one of %2.</source>
        <translation>The size %1 is not offered; use one of %2.</translation>
    </message>
    <message>
        <source>The size %1 is not offered; the local renderer makes 16 to 3840 pixels a side.</source>
        <translation>The size %1 is not offered; the local renderer makes 16 to 3840 pixels a side.</translation>
    </message>
    <message>
        <source>A length of %1 seconds is not offered; use one of %2.</source>
        <translation>A length of %1 seconds is not offered; use one of %2.</translation>
    </message>
    <message>
        <source>The video is being generated; GET the status URL for progress.</source>
        <translation>The video is being generated; GET the status URL for progress.</translation>
    </message>
</context>
<context>
    <name>VideoFile</name>
    <message>
        <source>No video file was given. Use &quot;drillstudio open FILE&quot;.</source>
        <translation>No video file was given. Use &quot;drillstudio open FILE&quot;.</translation>
    </message>
    <message>
        <source>The video file %1 does not exist.</source>
        <translation>The video file %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a video file.</source>
        <translation>%1 is a folder, not a video file.</translation>
    </message>
    <message>
        <source>The video file %1 cannot be read; check its permissions.</source>
        <translation>The video file %1 cannot be read; check its permissions.</translation>
    </message>
    <message>
        <source>%1 is not a video file (it is %2).</source>
        <translation>%1 is not a video file (it is %2).</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>The file %1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: it starts like a video but cannot be opened. Copy it again.</source>
        <translation>%1 is damaged or incomplete: it starts like a video but cannot be opened. Copy it again.</translation>
    </message>
    <message>
        <source>%1 is not a video file (MP4, MOV, WebM or MKV).</source>
        <translation>%1 is not a video file (MP4, MOV, WebM or MKV).</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: its streams cannot be read.</source>
        <translation>%1 is damaged or incomplete: its streams cannot be read.</translation>
    </message>
    <message>
        <source>%1 has no video picture (only sound or a cover image).</source>
        <translation>%1 has no video picture (only sound or a cover image).</translation>
    </message>
    <message>
        <source>The video in %1 uses the %2 codec, which this system cannot decode.</source>
        <translation>The video in %1 uses the %2 codec, which this system cannot decode.</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Out of memory.</translation>
    </message>
    <message>
        <source>The video in %1 (%2) cannot be decoded: %3</source>
        <translation>The video in %1 (%2) cannot be decoded: %3</translation>
    </message>
    <message>
        <source>The trim end must come after the trim start.</source>
        <translation>The trim end must come after the trim start.</translation>
    </message>
    <message>
        <source>The trim start (%1 s) is past the end of the video (%2 s).</source>
        <translation>The trim start (%1 s) is past the end of the video (%2 s).</translation>
    </message>
    <message>
        <source>The video size %1x%2 is not supported.</source>
        <translation>The video size %1x%2 is not supported.</translation>
    </message>
    <message>
        <source>The MP4 file cannot be created: %1</source>
        <translation>The MP4 file cannot be created: %1</translation>
    </message>
    <message>
        <source>The H.264 encoder (libx264) is not available on this system.</source>
        <translation>The H.264 encoder (libx264) is not available on this system.</translation>
    </message>
    <message>
        <source>The H.264 encoder cannot start: %1</source>
        <translation>The H.264 encoder cannot start: %1</translation>
    </message>
    <message>
        <source>The imported video cannot be written: %1</source>
        <translation>The imported video cannot be written: %1</translation>
    </message>
    <message>
        <source>Encoding failed: %1</source>
        <translation>Encoding failed: %1</translation>
    </message>
    <message>
        <source>The picture format of this video cannot be converted.</source>
        <translation>The picture format of this video cannot be converted.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>The import was cancelled.</translation>
    </message>
    <message>
        <source>The video data is damaged: %1</source>
        <translation>The video data is damaged: %1</translation>
    </message>
    <message>
        <source>No picture could be decoded: the file is damaged or incomplete.</source>
        <translation>No picture could be decoded: the file is damaged or incomplete.</translation>
    </message>
    <message>
        <source>The file ends early: only %1 of %2 seconds could be read. It is probably incomplete; copy it again.</source>
        <translation>The file ends early: only %1 of %2 seconds could be read. It is probably incomplete; copy it again.</translation>
    </message>
</context>
<context>
    <name>VideoStore</name>
    <message>
        <source>The video folder %1 cannot be created. Choose another data folder with --data-dir.</source>
        <translation>The video folder %1 cannot be created. Choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>The video folder %1 is not writable. Check its permissions or choose another data folder with --data-dir.</source>
        <translation>The video folder %1 is not writable. Check its permissions or choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>The new video cannot be read: %1</source>
        <translation>The new video cannot be read: %1</translation>
    </message>
    <message>
        <source>The new video is too small (%1 bytes) to be a real video.</source>
        <translation>The new video is too small (%1 bytes) to be a real video.</translation>
    </message>
    <message>
        <source>The new file is not an MP4 video.</source>
        <translation>The new file is not an MP4 video.</translation>
    </message>
    <message>
        <source>The new video cannot be decoded: %1</source>
        <translation>The new video cannot be decoded: %1</translation>
    </message>
    <message>
        <source>The new video could not be written to disk: %1</source>
        <translation>The new video could not be written to disk: %1</translation>
    </message>
    <message>
        <source>The new video could not be moved into the library: %1</source>
        <translation>The new video could not be moved into the library: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DrillStudio</source>
        <translation>DrillStudio</translation>
    </message>
</context>
</TS>
