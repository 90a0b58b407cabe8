<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdminGate</name>
    <message>
        <source>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</source>
        <translation>&quot;drillstudio serve --hash-secret&quot; で作ったハッシュ（pbkdf2-sha256$反復回数$ソルト$鍵）を指定してください。秘密の値そのものは使えません。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>リクエスト本文が %1 バイトを超えています。</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>リクエストヘッダーが大きすぎます。</translation>
    </message>
    <message>
        <source>A request body needs a Content-Length header.</source>
        <translation>リクエスト本文には Content-Length ヘッダーが必要です。</translation>
    </message>
    <message>
        <source>The requested range is not satisfiable.</source>
        <translation>指定された範囲のデータを返せません。</translation>
    </message>
    <message>
        <source>This needs the admin user name and password, or the API key.</source>
        <translation>この操作には管理者のユーザー名とパスワード、または API キーが必要です。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins from your address. Try again in %n minute(s).</source>
        <translation>
            <numerusform>このアドレスからのログイン失敗が多すぎます。%n 分後にもう一度お試しください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>リクエストの到着に時間がかかりすぎました。</translation>
    </message>
    <message>
        <source>The server is busy with too many connections. Try again shortly.</source>
        <translation>接続が多すぎてサーバーが混み合っています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>This server does not answer to the host name %1. Add it to server/allowedHosts if it is yours.</source>
        <translation>このサーバーはホスト名 %1 には応答しません。ご自身のホスト名であれば server/allowedHosts に追加してください。</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>No data folder could be determined. Give one with --data-dir.</source>
        <translation>データフォルダーを決定できませんでした。--data-dir で指定してください。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created. Choose another one with --data-dir.</source>
        <translation>データフォルダー %1 を作成できません。--data-dir で別のフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>store/backend is postgresql but store/postgresUrl is empty. Set it to postgresql://user@host:5432/database.</source>
        <translation>store/backend が postgresql ですが、store/postgresUrl が空です。postgresql://user@host:5432/database の形式で設定してください。</translation>
    </message>
</context>
<context>
    <name>BatchFile</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>This line is not a JSON object such as {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;}.</source>
        <translation>この行は {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;} のような JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>The file has no drills.</source>
        <translation>ファイルにドリルがありません。</translation>
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
        <translation>データベースと動画を &lt;dir&gt; に保存します（既定: $DRILLSTUDIO_DATA_DIR、未設定なら %1）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>The run the video is for.</source>
        <translation>動画の対象となるランIDです。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>The drill text.</source>
        <translation>ドリルのテキストです。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Read the drill text from &lt;file&gt; (- for standard input).</source>
        <translation>ドリルのテキストを &lt;file&gt; から読み込みます（- を指定すると標準入力）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>local or openai (default: from settings).</source>
        <translation>local または openai（既定: 設定の値）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Video size, e.g. 1280x720.</source>
        <translation>動画のサイズです（例: 1280x720）。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <source>Video length in seconds.</source>
        <translation>動画の長さ（秒）です。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Generate again even if the drill is cached.</source>
        <translation>ドリルがキャッシュにあっても、もう一度生成します。</translation>
    </message>
    <message>
        <source>Address of an OpenAI-compatible video API for this call, e.g. http://127.0.0.1:8000/v1 (default: openai/baseUrl from settings).</source>
        <translation>この実行で使う OpenAI 互換の動画 API のアドレスです。既定は設定の openai/baseUrl です。例: http://127.0.0.1:8000/v1</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Model for the openai provider for this call (default: generation/model from settings).</source>
        <translation>この実行で使う openai のモデルです（既定: 設定の generation/model）。</translation>
    </message>
    <message>
        <source>--run-id is required.</source>
        <translation>--run-id を指定してください。</translation>
    </message>
    <message>
        <source>Give the drill text with --drill or --drill-file (one of them).</source>
        <translation>ドリルのテキストを --drill と --drill-file のどちらか一方で指定してください。</translation>
    </message>
    <message>
        <source>Cannot read the drill file %1: %2</source>
        <translation>ドリルファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The drill file is not UTF-8 text.</source>
        <translation>ドリルファイルが UTF-8 のテキストではありません。</translation>
    </message>
    <message>
        <source>Generating… %1%</source>
        <translation>生成中… %1%</translation>
    </message>
    <message>
        <source>The video could not be generated: %1</source>
        <translation>動画を生成できませんでした: %1</translation>
    </message>
    <message>
        <source>Run %1: the video is in the cache; nothing was generated.</source>
        <translation>ラン %1: 動画はキャッシュにあるため、生成は行いませんでした。</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>JSON lines: {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;, &quot;size&quot;: &quot;1280x720&quot;, &quot;seconds&quot;: 4} (size and seconds optional); - for standard input.</source>
        <translation>JSON Lines 形式のファイルです: {&quot;run_id&quot;: 42, &quot;drill_text&quot;: &quot;…&quot;, &quot;size&quot;: &quot;1280x720&quot;, &quot;seconds&quot;: 4}（size と seconds は省略可）。- を指定すると標準入力から読み込みます。</translation>
    </message>
    <message>
        <source>Name the file with the drills, or - for standard input.</source>
        <translation>ドリルを記載したファイルを指定してください。標準入力から読み込む場合は - を指定します。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Line %1 is not a JSON object.</source>
        <translation>%1 行目が JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>The file has no drills.</source>
        <translation>ファイルにドリルがありません。</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>ラン %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s) submitted; %1 failed, %2 refused.</source>
        <translation>
            <numerusform>ドリル %n 件を送信しました（失敗 %1 件、却下 %2 件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop when no job is left to do.</source>
        <translation>処理するジョブがなくなったら終了します。</translation>
    </message>
    <message>
        <source>Working on the job queue; stop with Ctrl+C.</source>
        <translation>ジョブキューを処理しています。Ctrl+C で停止します。</translation>
    </message>
    <message>
        <source> [y/N] </source>
        <translation> [y/N] </translation>
    </message>
    <message>
        <source>The run to clear.</source>
        <translation>クリアするランのIDです。</translation>
    </message>
    <message>
        <source>Clear every cached video.</source>
        <translation>キャッシュ済みの動画をすべてクリアします。</translation>
    </message>
    <message>
        <source>Do not ask before clearing.</source>
        <translation>クリアする前に確認しません。</translation>
    </message>
    <message>
        <source>Say what to do: drillstudio cache list, cache clear --run-id N, cache clear --all, cache check, cache usage, cache costs or cache evict.</source>
        <translation>操作を指定してください: drillstudio cache list、cache clear --run-id N、cache clear --all、cache check、cache usage、cache costs、cache evict のいずれかです。</translation>
    </message>
    <message>
        <source>Give either --run-id N or --all.</source>
        <translation>--run-id N と --all のどちらかを指定してください。</translation>
    </message>
    <message>
        <source>Run %1 has no cached video.</source>
        <translation>ラン %1 にはキャッシュ済みの動画がありません。</translation>
    </message>
    <message>
        <source>Cleared the cache of run %1.</source>
        <translation>ラン %1 のキャッシュをクリアしました。</translation>
    </message>
    <message numerus="yes">
        <source>Remove all %n cached video(s) and every run link?</source>
        <translation>
            <numerusform>キャッシュ済みの動画 %n 本と、すべてのランのリンクを削除しますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed. Add --yes to clear without being asked.</source>
        <translation>何も削除しませんでした。確認なしでクリアするには --yes を付けてください。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n video(s).</source>
        <translation>
            <numerusform>動画 %n 本を削除しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) use %1 on disk.</source>
        <translation>
            <numerusform>動画 %n 本がディスクを %1 使用しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>  run %1: %2 (shared videos count for every run)</source>
        <translation>  ラン %1: %2（共有の動画は各ランに計上しています）</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Today: %1 (cap: %2)</source>
        <translation>本日: %1（上限: %2）</translation>
    </message>
    <message>
        <source>This month: %1 (cap: %2)</source>
        <translation>今月: %1（上限: %2）</translation>
    </message>
    <message>
        <source>  run %1: %2</source>
        <translation>  ラン %1: %2</translation>
    </message>
    <message>
        <source>Videos made by the local renderer cost nothing.</source>
        <translation>ローカルレンダラーで作成した動画は無料です。</translation>
    </message>
    <message numerus="yes">
        <source>Evicted %n video(s) (cache/maxBytes and cache/maxAgeDays).</source>
        <translation>
            <numerusform>cache/maxBytes と cache/maxAgeDays に従い、動画 %n 本をキャッシュから削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>キャッシュは空です。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s), %1 in total.</source>
        <translation>
            <numerusform>動画 %n 本、合計 %1 です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2.</source>
        <translation>コマンド「%1」は不明です。使用できるコマンド: %2</translation>
    </message>
    <message>
        <source>This build has no window. Use a command:</source>
        <translation>このビルドにはウィンドウがありません。コマンドを指定してください:</translation>
    </message>
    <message>
        <source>Generating… %1% (about %2 s left)</source>
        <translation>生成中… %1%（残り約 %2 秒）</translation>
    </message>
    <message>
        <source>Estimated cost if it is not in the cache: $%1 (openai/prices).</source>
        <translation>キャッシュにない場合の見積もり費用: $%1（openai/prices）</translation>
    </message>
    <message>
        <source>Address to listen on (default: server/host, 127.0.0.1).</source>
        <translation>待ち受けるアドレスです（既定: server/host、127.0.0.1）。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>Port to listen on; 0 picks a free one (default: server/port, 8006).</source>
        <translation>待ち受けるポートです。0 を指定すると空きポートを使います（既定: server/port、8006）。</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--port には 0～65535 の整数を指定してください（入力値: 「%1」）。</translation>
    </message>
    <message>
        <source>--host must be an IP address such as 127.0.0.1 or ::1, not &quot;%1&quot;.</source>
        <translation>--host には 127.0.0.1 や ::1 のような IP アドレスを指定してください（入力値: 「%1」）。</translation>
    </message>
    <message>
        <source>server/host must be an IP address such as 127.0.0.1, not &quot;%1&quot;.</source>
        <translation>server/host には 127.0.0.1 のような IP アドレスを指定してください（現在の値: 「%1」）。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use. Stop the other server or choose another port with --port.</source>
        <translation>%2 のポート %1 はすでに使用されています。もう一方のサーバーを停止するか、--port で別のポートを指定してください。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>%1 のポート %2 で待ち受けできません: %3</translation>
    </message>
    <message>
        <source>warning: the server is reachable from other machines on %1.</source>
        <translation>警告: サーバーは %1 で他のマシンからアクセスできる状態です。</translation>
    </message>
    <message>
        <source>This build has no REST server.</source>
        <translation>このビルドには REST サーバーがありません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>set: read the key from standard input and store it.</source>
        <translation>set: 標準入力からキーを読み取り、保存します。</translation>
    </message>
    <message>
        <source>Say what to do: drillstudio openai-key set (the key is read from standard input).</source>
        <translation>操作を指定してください: drillstudio openai-key set（キーは標準入力から読み取ります）。</translation>
    </message>
    <message>
        <source>This build has no keychain support; put the key in OPENAI_API_KEY or in the .env file named by openai/envFile.</source>
        <translation>このビルドはキーチェーンに対応していません。キーは OPENAI_API_KEY か、openai/envFile で指定した .env ファイルに設定してください。</translation>
    </message>
    <message>
        <source>API key (not shown): </source>
        <translation>API キー（表示されません）: </translation>
    </message>
    <message>
        <source>No key was given on standard input; nothing was stored.</source>
        <translation>標準入力からキーが渡されなかったため、何も保存していません。</translation>
    </message>
    <message>
        <source>That does not look like an API key (spaces, or over 1,024 characters); nothing was stored.</source>
        <translation>API キーの形式ではありません（空白を含むか、1,024 文字を超えています）。何も保存していません。</translation>
    </message>
    <message>
        <source>The API key is stored in the system keychain.</source>
        <translation>API キーをシステムのキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>The keychain could not store the key (%1). Is a keychain service such as GNOME Keyring or KWallet running? Otherwise use OPENAI_API_KEY or the .env file named by openai/envFile.</source>
        <translation>キーチェーンにキーを保存できませんでした（%1）。GNOME Keyring や KWallet などのキーチェーンサービスが動作しているか確認してください。使えない場合は OPENAI_API_KEY か、openai/envFile で指定した .env ファイルを使ってください。</translation>
    </message>
    <message>
        <source>Also print informational messages (they always go to the log file in the data folder).</source>
        <translation>情報メッセージも表示します（ログファイルにはいつも記録されます。場所はデータフォルダーです）。</translation>
    </message>
    <message>
        <source>list: show the cached videos; clear: remove a run&apos;s link (--run-id) or everything (--all); usage: disk use in total and per run; costs: spending per day, month and run; evict: apply the size and age caps now; check: check the database.</source>
        <translation>list: キャッシュ済みの動画を表示; clear: ランのリンク (--run-id) またはすべて (--all) を削除; usage: 合計とラン別のディスク使用量; costs: 日・月・ラン別の費用; evict: サイズと期間の上限を今すぐ適用; check: データベースを検査。</translation>
    </message>
    <message>
        <source>Print JSON instead of text (list, usage, costs, evict).</source>
        <translation>テキストの代わりに JSON を出力します (list、usage、costs、evict)。</translation>
    </message>
    <message>
        <source>VIDEO ID</source>
        <translation>動画ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>RUNS</source>
        <translation>ラン</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>ドリル</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>ダウンロード中… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>ダウンロード中… %1</translation>
    </message>
    <message>
        <source>Run %1: answered from the drill library; nothing was generated.</source>
        <translation>ラン %1: ドリルライブラリの動画で応えました。生成はしていません。</translation>
    </message>
    <message>
        <source>Read a secret (admin password or API key) from standard input, print its salted hash for server/adminPasswordHash or server/apiKeyHash, and exit.</source>
        <translation>秘密の値（管理者パスワードまたは API キー）を標準入力から読み取り、server/adminPasswordHash または server/apiKeyHash 用のソルト付きハッシュを表示して終了します。</translation>
    </message>
    <message>
        <source>Give a secret of at least 8 characters on standard input.</source>
        <translation>8 文字以上の秘密の値を標準入力から渡してください。</translation>
    </message>
    <message>
        <source>The drill library: recorded demonstrations that answer drill texts before anything is generated.

  library import FILE… --drill NAME… [--note TEXT] [--cue TEXT…] [--trim-start S] [--trim-end S] [--mute]
  library list [--json]
  library remove ID
  library match (--drill TEXT | --drill-file FILE)
  library synonyms add DRILL WORD…
  library synonyms list</source>
        <translation>ドリルライブラリ: 生成より先にドリルの文章に応える、撮影した実演動画です。

  library import FILE… --drill NAME… [--note TEXT] [--cue TEXT…] [--trim-start S] [--trim-end S] [--mute]
  library list [--json]
  library remove ID
  library match (--drill TEXT | --drill-file FILE)
  library synonyms add DRILL WORD…
  library synonyms list</translation>
    </message>
    <message>
        <source>Also print informational messages.</source>
        <translation>情報メッセージも表示します。</translation>
    </message>
    <message>
        <source>library</source>
        <translation>library</translation>
    </message>
    <message>
        <source>import, list, remove, match or synonyms</source>
        <translation>import、list、remove、match、synonyms のいずれか</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds, like 1.5.</source>
        <translation>--%1 は 1.5 のような秒数で指定してください。</translation>
    </message>
    <message>
        <source>A drill the video shows (repeat for several; the first is its main drill).</source>
        <translation>動画に映っているドリル（複数なら繰り返し指定。最初のものが主なドリルです）。</translation>
    </message>
    <message>
        <source>A note about the video.</source>
        <translation>動画についてのメモ。</translation>
    </message>
    <message>
        <source>A coaching cue (repeat for several).</source>
        <translation>指導のポイント（複数なら繰り返し指定）。</translation>
    </message>
    <message>
        <source>Start this many seconds into the recording.</source>
        <translation>撮影した動画のこの秒数から始めます。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>End this many seconds into the recording.</source>
        <translation>撮影した動画のこの秒数で終えます。</translation>
    </message>
    <message>
        <source>Leave the sound out.</source>
        <translation>音声を取り込みません。</translation>
    </message>
    <message>
        <source>Name the video files to import: library import FILE… --drill NAME…</source>
        <translation>取り込む動画ファイルを指定してください: library import FILE… --drill NAME…</translation>
    </message>
    <message>
        <source>Name the drill the video shows with --drill, for example --drill もも上げ.</source>
        <translation>動画に映っているドリルを --drill で指定してください（例: --drill もも上げ）。</translation>
    </message>
    <message>
        <source>Importing %1… %2%</source>
        <translation>%1 を取り込み中… %2%</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON で出力します。</translation>
    </message>
    <message>
        <source>The drill library is empty. Add a recording with: drillstudio library import FILE --drill NAME</source>
        <translation>ドリルライブラリは空です。撮影した動画は次のように追加します: drillstudio library import FILE --drill NAME</translation>
    </message>
    <message>
        <source>Name the library video to remove: library remove ID</source>
        <translation>削除するライブラリの動画を指定してください: library remove ID</translation>
    </message>
    <message>
        <source>Read the drill text from &lt;file&gt;.</source>
        <translation>ドリルの文章を &lt;file&gt; から読み込みます。</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>組み込み</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Use: library synonyms add DRILL WORD… (for example: library synonyms add もも上げ ニーアップ), or library synonyms list.</source>
        <translation>使い方: library synonyms add DRILL WORD…（例: library synonyms add もも上げ ニーアップ）、または library synonyms list。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; now names %2.</source>
        <translation>「%1」は %2 を指すようになりました。</translation>
    </message>
    <message>
        <source>Use: library import, list, remove, match or synonyms (see drillstudio library --help).</source>
        <translation>使い方: library の import、list、remove、match、synonyms（drillstudio library --help を参照）。</translation>
    </message>
    <message>
        <source>This build has no window to play a video in.</source>
        <translation>このビルドには動画を再生するウィンドウがありません。</translation>
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
        <translation>DrillStudio はトレーニングドリルの文章を短い動画にし、キャッシュに保存して Web フロントエンドに配信します。

コマンド:
  （なし）   ウィンドウを開く
  open FILE  ウィンドウを開いて動画ファイルを再生する（FILE だけでも同じ）
  generate   ランのドリル動画を作り、そのパスを表示する
  batch      JSON Lines ファイルから多数のランの動画を作る
  worker     共有ジョブキューを処理する
  openai-key openai プロバイダーの API キーをシステムのキーチェーンに保存する
  cache      キャッシュした動画の一覧・削除・検査・使用量・整理
  library    生成より先に使う、撮影したドリル動画を取り込む
  serve      Web フロントエンドの REST 呼び出しに応え、ジョブキューを処理する</translation>
    </message>
    <message>
        <source>generate, batch, worker, serve, openai-key, cache, library, open FILE, or a video file to play</source>
        <translation>generate、batch、worker、serve、openai-key、cache、library、open FILE、または再生する動画ファイル</translation>
    </message>
    <message>
        <source>The service manager handed over %1 sockets; drillstudio serve takes one (a single ListenStream= in the socket unit).</source>
        <translation>サービスマネージャーから %1 個のソケットが渡されました。drillstudio serve が受け取れるのは 1 個です（ソケットユニットの ListenStream= を 1 つにしてください）。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The folder %1 cannot be created. Choose another data folder with --data-dir.</source>
        <translation>フォルダー %1 を作成できません。--data-dir で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable. Choose another data folder with --data-dir.</source>
        <translation>フォルダー %1 に書き込めません。--data-dir で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot hold the video library.</source>
        <translation>%1 はファイルではないため、動画ライブラリを保存できません。</translation>
    </message>
    <message>
        <source>The library database %1 cannot be read: %2</source>
        <translation>ライブラリのデータベース %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 is not a DrillStudio library database (it may be damaged). It was left untouched. Move it away or choose another data folder with --data-dir.</source>
        <translation>ファイル %1 は DrillStudio のライブラリのデータベースではありません（破損している可能性があります）。ファイルには手を加えていません。ファイルを移動するか、--data-dir で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>The library database %1 was made by a newer DrillStudio (schema %2; this version knows up to %3). It was left untouched. Update DrillStudio to open it.</source>
        <translation>ライブラリのデータベース %1 は、より新しい DrillStudio で作成されています（スキーマ %2。このバージョンが対応しているのは %3 までです）。データベースには手を加えていません。開くには DrillStudio を更新してください。</translation>
    </message>
    <message>
        <source>The library database %1 is read-only. Check its permissions.</source>
        <translation>ライブラリのデータベース %1 は読み取り専用です。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>No database file is configured.</source>
        <translation>データベースファイルが設定されていません。</translation>
    </message>
    <message>
        <source>The library database %1 cannot be opened: %2</source>
        <translation>ライブラリのデータベース %1 を開けません: %2</translation>
    </message>
    <message>
        <source>The PostgreSQL server at %1 cannot be reached: %2</source>
        <translation>PostgreSQL サーバー %1 に接続できません: %2</translation>
    </message>
    <message>
        <source>Could not back up the library database before upgrading it: %1</source>
        <translation>アップグレード前にライブラリのデータベースをバックアップできませんでした: %1</translation>
    </message>
    <message>
        <source>The library database was made by a newer DrillStudio (schema %1; this version knows up to %2). It was left untouched. Update DrillStudio to open it.</source>
        <translation>ライブラリのデータベースは、より新しい DrillStudio で作成されています（スキーマ %1。このバージョンが対応しているのは %2 までです）。データベースには手を加えていません。開くには DrillStudio を更新してください。</translation>
    </message>
    <message>
        <source>Could not start upgrading the library database: %1</source>
        <translation>ライブラリのデータベースのアップグレードを開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation>このビルドにはマイグレーション %1 が含まれていません。</translation>
    </message>
    <message>
        <source>Upgrading the library database failed: %1</source>
        <translation>ライブラリのデータベースをアップグレードできませんでした: %1</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>整合性チェックを実行できませんでした: %1</translation>
    </message>
    <message>
        <source>Some runs point to videos that no longer exist.</source>
        <translation>一部のランが、存在しない動画を参照しています。</translation>
    </message>
    <message numerus="yes">
        <source>%n run link(s) point to missing videos.</source>
        <translation>
            <numerusform>ランのリンク %n 件が、存在しない動画を参照しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>The library database is healthy (schema %1).</source>
        <translation>ライブラリのデータベースは正常です（スキーマ %1）。</translation>
    </message>
    <message>
        <source>Upgrading the library database to schema %1 failed, so it was left as it was (schema %2): %3</source>
        <translation>ライブラリのデータベースをスキーマ %1 へ更新できなかったため、元のまま（スキーマ %2）にしてあります: %3</translation>
    </message>
    <message>
        <source>The library database %1 is damaged (details below). Move it away to start with an empty library, or put back a copy saved before the damage.</source>
        <translation>ライブラリのデータベース %1 は壊れています（詳細は下記）。別の場所へ移して空のライブラリで始めるか、壊れる前に保存したコピーを戻してください。</translation>
    </message>
</context>
<context>
    <name>DrillLibrary</name>
    <message>
        <source>Name at least one drill the video shows.</source>
        <translation>動画に映っているドリルを少なくとも1つ指定してください。</translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 MB; at most %3 MB, library/maxImportBytes).</source>
        <translation>%1 は大きすぎて取り込めません（%2 MB。上限は %3 MB、library/maxImportBytes）。</translation>
    </message>
    <message>
        <source>The sound (%1) was left out: only AAC sound is kept.</source>
        <translation>音声（%1）は取り込みませんでした。残せるのは AAC の音声だけです。</translation>
    </message>
    <message>
        <source>This video is already in the library as %1.</source>
        <translation>この動画はすでにライブラリに %1 としてあります。</translation>
    </message>
    <message>
        <source>There is no library video %1.</source>
        <translation>ライブラリに動画 %1 はありません。</translation>
    </message>
    <message>
        <source>Give a drill and a word for it, each 1 to 100 characters.</source>
        <translation>ドリルとその呼び方を、それぞれ1〜100文字で指定してください。</translation>
    </message>
    <message>
        <source>The library video %1 is missing its file.</source>
        <translation>ライブラリの動画 %1 のファイルが見つかりません。</translation>
    </message>
</context>
<context>
    <name>DrillLibraryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Drill (Japanese)</source>
        <translation>ドリル（日本語）</translation>
    </message>
    <message>
        <source>Drill (English)</source>
        <translation>ドリル（英語）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Coaching cues</source>
        <translation>指導のポイント</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>取り込み元</translation>
    </message>
</context>
<context>
    <name>DrillLibraryPanel</name>
    <message>
        <source>Drills in new imports:</source>
        <translation>取り込む動画のドリル:</translation>
    </message>
    <message>
        <source>もも上げ, High knees</source>
        <translation>もも上げ, 腿上げ</translation>
    </message>
    <message>
        <source>The drills the imported videos show, separated by commas; the first is the main drill.</source>
        <translation>取り込む動画に映っているドリル（カンマ区切り。最初が主なドリル）。</translation>
    </message>
    <message>
        <source>Import vid&amp;eo files…</source>
        <translation>動画ファイルを取り込む(&amp;E)…</translation>
    </message>
    <message>
        <source>Import recorded demonstrations (MP4, MOV, WebM, MKV). Files can also be dropped here.</source>
        <translation>撮影した手本動画（MP4、MOV、WebM、MKV）を取り込みます。ここにファイルをドロップすることもできます。</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>フォルダーを取り込む(&amp;O)…</translation>
    </message>
    <message>
        <source>Cancel impor&amp;t</source>
        <translation>取り込みを中止(&amp;T)</translation>
    </message>
    <message>
        <source>Pla&amp;y</source>
        <translation>再生(&amp;Y)</translation>
    </message>
    <message>
        <source>Remove from li&amp;brary…</source>
        <translation>ライブラリから削除(&amp;B)…</translation>
    </message>
    <message>
        <source>Selected video</source>
        <translation>選択した動画</translation>
    </message>
    <message>
        <source>&amp;Japanese names:</source>
        <translation>日本語名(&amp;J):</translation>
    </message>
    <message>
        <source>English names:</source>
        <translation>英語名:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>メモ:</translation>
    </message>
    <message>
        <source>Coaching c&amp;ues:</source>
        <translation>指導のポイント(&amp;U):</translation>
    </message>
    <message>
        <source>One cue a line</source>
        <translation>1行に1つ</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>変更を保存(&amp;V)</translation>
    </message>
    <message>
        <source>Which video would a drill text get?</source>
        <translation>ドリル文にはどの動画が選ばれる？</translation>
    </message>
    <message>
        <source>Try a drill te&amp;xt:</source>
        <translation>ドリル文を試す(&amp;X):</translation>
    </message>
    <message>
        <source>Paste the drill section of an advice text</source>
        <translation>アドバイスのドリル部分を貼り付けてください</translation>
    </message>
    <message>
        <source>Drill library videos</source>
        <translation>ドリルライブラリの動画</translation>
    </message>
    <message>
        <source>Drills in new imports</source>
        <translation>取り込む動画のドリル</translation>
    </message>
    <message>
        <source>Import video files</source>
        <translation>動画ファイルを取り込む</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>フォルダーを取り込む</translation>
    </message>
    <message>
        <source>Play the selected video</source>
        <translation>選択した動画を再生</translation>
    </message>
    <message>
        <source>Remove the selected video from the library</source>
        <translation>選択した動画をライブラリから削除</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>取り込みの進み具合</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取り込みを中止</translation>
    </message>
    <message>
        <source>Japanese drill names</source>
        <translation>ドリルの日本語名</translation>
    </message>
    <message>
        <source>English drill names</source>
        <translation>ドリルの英語名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Coaching cues, one a line</source>
        <translation>指導のポイント（1行に1つ）</translation>
    </message>
    <message>
        <source>Save the drills, notes and cues</source>
        <translation>ドリル・メモ・指導のポイントを保存</translation>
    </message>
    <message>
        <source>Drill text to try</source>
        <translation>試すドリル文</translation>
    </message>
    <message>
        <source>Library video the drill text would get</source>
        <translation>このドリル文に選ばれるライブラリ動画</translation>
    </message>
    <message>
        <source>Library messages</source>
        <translation>ライブラリのメッセージ</translation>
    </message>
    <message>
        <source>Import demonstration videos</source>
        <translation>手本動画を取り込む</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.webm *.mkv);;All files (*)</source>
        <translation>動画 (*.mp4 *.m4v *.mov *.webm *.mkv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import the videos of a folder</source>
        <translation>フォルダーの動画を取り込む</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>The file of this library video is missing: %1</source>
        <translation>このライブラリ動画のファイルがありません: %1</translation>
    </message>
    <message>
        <source>Name at least one drill the video shows.</source>
        <translation>動画に映っているドリルを少なくとも1つ指定してください。</translation>
    </message>
    <message>
        <source>The drill name &quot;%1…&quot; is too long: at most %2 characters.</source>
        <translation>ドリル名「%1…」が長すぎます。%2 文字までです。</translation>
    </message>
    <message>
        <source>The notes are too long: at most %1 characters.</source>
        <translation>メモが長すぎます。%1 文字までです。</translation>
    </message>
    <message>
        <source>A coaching cue is too long: at most %1 characters a line.</source>
        <translation>指導のポイントが長すぎます。1行 %1 文字までです。</translation>
    </message>
    <message>
        <source>Too many coaching cues: at most %1.</source>
        <translation>指導のポイントが多すぎます。%1 個までです。</translation>
    </message>
    <message>
        <source>Saved the drills, notes and cues of %1.</source>
        <translation>%1 のドリル・メモ・指導のポイントを保存しました。</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the drill library? Its video file is deleted.</source>
        <translation>「%1」をドリルライブラリから削除しますか？動画ファイルも削除されます。</translation>
    </message>
    <message numerus="yes">
        <source>Remove &quot;%1&quot; from the drill library? Its video file is deleted, and run(s) %2 answered with it will no longer have a video.</source>
        <translation>
            <numerusform>「%1」をドリルライブラリから削除しますか？動画ファイルも削除され、この動画で答えたラン %2 には動画がなくなります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the drill library</source>
        <translation>ドリルライブラリから削除</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; from the drill library.</source>
        <translation>「%1」をドリルライブラリから削除しました。</translation>
    </message>
    <message>
        <source>An import is under way; wait for it or cancel it first.</source>
        <translation>取り込み中です。終わるのを待つか、先に中止してください。</translation>
    </message>
    <message>
        <source>Name the drill the videos show in &quot;Drills in new imports&quot; first.</source>
        <translation>先に「取り込む動画のドリル」に動画のドリルを入力してください。</translation>
    </message>
    <message>
        <source>There is no video file to import (MP4, MOV, WebM or MKV).</source>
        <translation>取り込める動画ファイル（MP4、MOV、WebM、MKV）がありません。</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルを取り込んでいます…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 imported, %2 failed</source>
        <translation>%1 件取り込み、%2 件失敗</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %n video(s) imported before; nothing of the cancelled file was kept.</source>
        <translation>
            <numerusform>取り込みを中止しました。それまでに %n 本を取り込みました。中止したファイルは何も残っていません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n video(s).</source>
        <translation>
            <numerusform>%n 本の動画を取り込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>探しています…</translation>
    </message>
    <message>
        <source>The library video &quot;%1&quot; would be shown (confidence %2 %); nothing is generated.</source>
        <translation>ライブラリ動画「%1」が表示されます（信頼度 %2 %）。動画は生成されません。</translation>
    </message>
    <message>
        <source>No library video matches: the video would be generated.</source>
        <translation>合うライブラリ動画はありません。動画は生成されます。</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>ドリルライブラリ</translation>
    </message>
</context>
<context>
    <name>DrillMatcher</name>
    <message>
        <source>No library video: the text names no drill the library knows.</source>
        <translation>ライブラリの動画はありません。本文にはライブラリが知っているドリルが書かれていません。</translation>
    </message>
    <message>
        <source>No library video: the library has no video of %1.</source>
        <translation>ライブラリの動画はありません。ライブラリには %1 の動画がありません。</translation>
    </message>
    <message>
        <source>Library video %1 was chosen, confidence %2%.</source>
        <translation>ライブラリの動画 %1 を選びました。確信度 %2%。</translation>
    </message>
    <message>
        <source>Also named, not in this video: %1 (library video %2).</source>
        <translation>この動画にないドリルも書かれています: %1（ライブラリの動画 %2）。</translation>
    </message>
    <message>
        <source>Also named, not in the library: %1.</source>
        <translation>ライブラリにないドリルも書かれています: %1。</translation>
    </message>
    <message>
        <source>%1: the text says &quot;%2&quot;, a name of this drill (&quot;%3&quot;); confidence %4%.</source>
        <translation>%1: 文中の「%2」はこのドリルの呼び名（「%3」）です。確度 %4%。</translation>
    </message>
    <message>
        <source>%1: the text reads almost like &quot;%2&quot;; confidence %3%.</source>
        <translation>%1: 文中に「%2」とほぼ同じ読みがあります。確度 %3%。</translation>
    </message>
    <message>
        <source>%1: the text says &quot;%2&quot;, written almost like &quot;%3&quot;; confidence %4%.</source>
        <translation>%1: 文中の「%2」は「%3」とほぼ同じ書き方です。確度 %4%。</translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <source>Today&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/dailyUsd.</source>
        <translation>本日の予算 $%1 を超えるため生成できません（使用済み・処理中: $%2、この動画の見積もり: 約 $%3）。ローカルレンダラーを使用するか、budget/dailyUsd を引き上げてください。</translation>
    </message>
    <message>
        <source>This month&apos;s budget of $%1 would be exceeded: $%2 spent or under way, this video costs about $%3. Use the local renderer or raise budget/monthlyUsd.</source>
        <translation>今月の予算 $%1 を超えるため生成できません（使用済み・処理中: $%2、この動画の見積もり: 約 $%3）。ローカルレンダラーを使用するか、budget/monthlyUsd を引き上げてください。</translation>
    </message>
    <message>
        <source>The video provider &quot;%1&quot; is not available.</source>
        <translation>動画プロバイダー「%1」は利用できません。</translation>
    </message>
    <message>
        <source>The same drill is being recorded by another process; try again in a moment.</source>
        <translation>同じドリルを別のプロセスが登録しています。しばらくしてから再度お試しください。</translation>
    </message>
    <message numerus="yes">
        <source>The video was not ready after %n minute(s); gave up waiting. Raise jobs/timeoutSeconds if the provider is slow.</source>
        <translation>
            <numerusform>%n 分待っても動画が完成しなかったため、待機を打ち切りました。プロバイダーの処理が遅い場合は jobs/timeoutSeconds を引き上げてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>This video is no longer in the cache.</source>
        <translation>この動画はすでにキャッシュにありません。</translation>
    </message>
    <message>
        <source>This video is still being generated; cancel it first.</source>
        <translation>この動画はまだ生成中です。先にキャンセルしてください。</translation>
    </message>
    <message>
        <source>The spending so far cannot be read from the library database, so no paid video is ordered (a budget is set). Check the database, or use the local renderer.</source>
        <translation>予算が設定されていますが、これまでの支出をライブラリのデータベースから読み取れないため、有料の動画は注文しません。データベースを確認するか、ローカルレンダラーを使用してください。</translation>
    </message>
    <message>
        <source>The drill library is not available here.</source>
        <translation>ここではドリルライブラリを使えません。</translation>
    </message>
</context>
<context>
    <name>JobSpec</name>
    <message>
        <source>Enter a run ID.</source>
        <translation>ランIDを入力してください。</translation>
    </message>
    <message>
        <source>The run ID must be a positive whole number, like 42 (got &quot;%1&quot;).</source>
        <translation>ランIDには 42 のような正の整数を指定してください（入力値: 「%1」）。</translation>
    </message>
    <message>
        <source>Enter the drill text.</source>
        <translation>ドリルのテキストを入力してください。</translation>
    </message>
    <message>
        <source>The drill text is too long: %1 characters, at most %2.</source>
        <translation>ドリルのテキストが長すぎます（%1 文字）。%2 文字以内にしてください。</translation>
    </message>
    <message>
        <source>The video size %1x%2 is not supported.</source>
        <translation>動画サイズ %1x%2 には対応していません。</translation>
    </message>
    <message>
        <source>The video length must be between 1 and 60 seconds.</source>
        <translation>動画の長さは 1～60 秒の範囲で指定してください。</translation>
    </message>
    <message>
        <source>No video provider is chosen.</source>
        <translation>動画プロバイダーが選択されていません。</translation>
    </message>
    <message>
        <source>The run ID %1 is too large; run IDs go up to %2.</source>
        <translation>ランID %1 は大きすぎます。ランIDは %2 までです。</translation>
    </message>
    <message>
        <source>The run ID must be 1 or more (got %1).</source>
        <translation>ランIDには 1 以上を指定してください（入力値: %1）。</translation>
    </message>
    <message>
        <source>The run ID must be a positive whole number, like 42.</source>
        <translation>ランIDには 42 のような正の整数を指定してください。</translation>
    </message>
    <message>
        <source>The run ID must be a whole number, without a fraction (got %1).</source>
        <translation>ランIDには小数のない整数を指定してください（入力値: %1）。</translation>
    </message>
    <message>
        <source>The run ID must be written as a whole number, without a fraction or exponent (got %1).</source>
        <translation>ランIDは小数点や指数を使わない整数で書いてください（入力値: %1）。</translation>
    </message>
    <message>
        <source>The run ID must be a whole number from 1 to %1.</source>
        <translation>ランIDには 1 から %1 までの整数を指定してください。</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>ダウンロード中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>The library database could not record a new video: %1</source>
        <translation>ライブラリのデータベースに新しい動画を記録できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not update a video: %1</source>
        <translation>ライブラリのデータベースで動画を更新できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not read a video: %1</source>
        <translation>ライブラリのデータベースから動画を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not look up a video: %1</source>
        <translation>ライブラリのデータベースで動画を検索できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not link the run to its video: %1</source>
        <translation>ライブラリのデータベースでランと動画を関連付けられませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not look up a run: %1</source>
        <translation>ライブラリのデータベースでランを検索できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not remove the run: %1</source>
        <translation>ライブラリのデータベースからランを削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not delete a video: %1</source>
        <translation>ライブラリのデータベースから動画を削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not list videos: %1</source>
        <translation>ライブラリのデータベースから動画の一覧を取得できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not claim a job: %1</source>
        <translation>ライブラリのデータベースでジョブを確保できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not list waiting jobs: %1</source>
        <translation>ライブラリのデータベースから待機中のジョブの一覧を取得できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not renew job claims: %1</source>
        <translation>ライブラリのデータベースでジョブの確保を更新できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not release job claims: %1</source>
        <translation>ライブラリのデータベースでジョブの確保を解除できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not cancel a job: %1</source>
        <translation>ライブラリのデータベースでジョブをキャンセルできませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not add up costs: %1</source>
        <translation>ライブラリのデータベースで費用を集計できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not measure disk usage: %1</source>
        <translation>ライブラリのデータベースでディスク使用量を計測できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not check the budget: %1</source>
        <translation>ライブラリのデータベースで予算を確認できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not count jobs: %1</source>
        <translation>ライブラリのデータベースでジョブを数えられませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not list the runs: %1</source>
        <translation>ライブラリのデータベースから実行の一覧を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>JobsList</name>
    <message>
        <source>Progress of run %1</source>
        <translation>ラン %1 の進捗</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel run %1</source>
        <translation>ラン %1 をキャンセル</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>ラン %1 ・ %2</translation>
    </message>
    <message>
        <source>waiting · %p%</source>
        <translation>待機中 ・ %p%</translation>
    </message>
    <message>
        <source>%p% · about %1 s left</source>
        <translation>%p% ・ 残り約 %1 秒</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Downloading the video… %1 of %2</source>
        <translation>ビデオをダウンロード中… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading the video… %1</source>
        <translation>ビデオをダウンロード中… %1</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>%1% · about %2 s left</source>
        <translation>%1% ・ 残り約 %2 秒</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>リクエスト ID: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>this window</source>
        <translation>このウィンドウ</translation>
    </message>
    <message>
        <source>another program on %1</source>
        <translation>%1 の別のプログラム</translation>
    </message>
    <message>
        <source>waiting for a worker</source>
        <translation>ワーカー待ち</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>ラン</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>ドリル</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進み具合</translation>
    </message>
    <message>
        <source>Worked on by</source>
        <translation>処理している場所</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Select a job to see its details: errors, request ID, times and cost.</source>
        <translation>ジョブを選ぶと詳細（エラー、リクエスト ID、時刻、費用）が表示されます。</translation>
    </message>
    <message>
        <source>Canc&amp;el job</source>
        <translation>ジョブをキャンセル(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Run a failed or cancelled job again with the same settings</source>
        <translation>失敗またはキャンセルしたジョブを同じ設定でもう一度実行</translation>
    </message>
    <message>
        <source>Import a &amp;batch file…</source>
        <translation>バッチファイルを読み込む(&amp;B)…</translation>
    </message>
    <message>
        <source>Submit many drills from a JSON-lines file, as &quot;drillstudio batch&quot; does</source>
        <translation>&quot;drillstudio batch&quot; と同じように、JSON Lines ファイルから多数のドリルを送信</translation>
    </message>
    <message>
        <source>Jobs of the queue</source>
        <translation>キューのジョブ</translation>
    </message>
    <message>
        <source>Details of the selected job</source>
        <translation>選択したジョブの詳細</translation>
    </message>
    <message>
        <source>Report of the batch file</source>
        <translation>バッチファイルの報告</translation>
    </message>
    <message>
        <source>Progress of the batch file</source>
        <translation>バッチファイルの進み具合</translation>
    </message>
    <message>
        <source>Cancel the selected job (a remote provider may still bill it)</source>
        <translation>選択したジョブをキャンセル（リモートのプロバイダーでは料金がかかる場合があります）</translation>
    </message>
    <message>
        <source>Import a batch file</source>
        <translation>バッチファイルの読み込み</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json *.txt);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Under way: %1 · failed or cancelled in the last day: %2</source>
        <translation>進行中: %1 ・ この 1 日で失敗またはキャンセル: %2</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>ラン %1 ・ %2</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>進み具合: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>エラーコード: %1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>リクエスト ID: %1</translation>
    </message>
    <message>
        <source>Remote video ID: %1</source>
        <translation>リモート動画 ID: %1</translation>
    </message>
    <message>
        <source>Provider: %1 · model %2 · %3 · %4 s</source>
        <translation>プロバイダー: %1 ・ モデル %2 ・ %3 ・ %4 秒</translation>
    </message>
    <message>
        <source>Cost: about $%1 estimated, $%2 billed</source>
        <translation>費用: 見積もり約 $%1、請求 $%2</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>作成: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>開始: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>終了: %1</translation>
    </message>
    <message>
        <source>Worked on by: %1</source>
        <translation>処理している場所: %1</translation>
    </message>
    <message>
        <source>Job ID: %1</source>
        <translation>ジョブ ID: %1</translation>
    </message>
    <message>
        <source>Drill:</source>
        <translation>ドリル:</translation>
    </message>
    <message>
        <source>Retry a paid video</source>
        <translation>有料の動画を再試行</translation>
    </message>
    <message>
        <source>A new video for run %1 is ordered from %2 and billed (about $%3). Go on?</source>
        <translation>ラン %1 の動画を %2 に新しく注文し、料金がかかります（約 $%3）。続けますか?</translation>
    </message>
    <message>
        <source>Run %1 uses a video already in the cache; nothing was generated.</source>
        <translation>ラン %1 にはキャッシュ済みの動画を使用します。生成は行いませんでした。</translation>
    </message>
    <message>
        <source>Run %1 joined the same drill already under way.</source>
        <translation>ラン %1 は、すでに生成中の同じドリルに合流しました。</translation>
    </message>
    <message>
        <source>The order for run %1 is fetched again from %2; it is not billed a second time.</source>
        <translation>ラン %1 の注文を %2 からもう一度取得します。二重に請求されることはありません。</translation>
    </message>
    <message>
        <source>Run %1 is being generated again.</source>
        <translation>ラン %1 をもう一度生成しています。</translation>
    </message>
    <message>
        <source>A batch file is still being imported.</source>
        <translation>バッチファイルの読み込みがまだ続いています。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>Nothing was submitted: no line of %1 can be used (see the list below).</source>
        <translation>何も送信しませんでした: %1 に使える行がありません（下の一覧を参照）。</translation>
    </message>
    <message>
        <source>%1 of the %2 lines with drills cannot be used (they are listed in the panel). Submit the other %3?</source>
        <translation>ドリルのある %2 行のうち %1 行は使えません（パネルに一覧があります）。残りの %3 行を送信しますか?</translation>
    </message>
    <message>
        <source>Nothing was submitted.</source>
        <translation>何も送信しませんでした。</translation>
    </message>
    <message>
        <source>The %1 drills are ordered from %2, which bills each new video (about $%3 each, $%4 at most in all; drills already cached cost nothing). Go on?</source>
        <translation>%1 件のドリルを %2 に注文します。新しい動画ごとに料金がかかります（1 本あたり約 $%3、合計で最大 $%4。キャッシュ済みのドリルは無料です）。続けますか?</translation>
    </message>
    <message>
        <source>Submitting %v of %m</source>
        <translation>%m 件中 %v 件を送信中</translation>
    </message>
    <message>
        <source>Submitting the drills of %1…</source>
        <translation>%1 のドリルを送信しています…</translation>
    </message>
    <message>
        <source>Line %1 (run %2): %3</source>
        <translation>%1 行目（ラン %2）: %3</translation>
    </message>
    <message>
        <source>Batch file done. Submitted: %1 · refused: %2 · lines not usable: %3.</source>
        <translation>バッチファイルの処理が終わりました。送信: %1 ・ 拒否: %2 ・ 使えない行: %3</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>The multipart boundary is missing or longer than 70 characters.</source>
        <translation>multipart の境界がないか、70 文字より長くなっています。</translation>
    </message>
    <message>
        <source>The body has no multipart boundary line.</source>
        <translation>本文に multipart の境界行がありません。</translation>
    </message>
    <message>
        <source>A multipart boundary line is malformed.</source>
        <translation>multipart の境界行の形式が正しくありません。</translation>
    </message>
    <message>
        <source>A multipart part has no end to its headers.</source>
        <translation>multipart のパートのヘッダーに終わりがありません。</translation>
    </message>
    <message>
        <source>A multipart part is not form-data.</source>
        <translation>multipart のパートが form-data ではありません。</translation>
    </message>
    <message>
        <source>A multipart part has no name.</source>
        <translation>multipart のパートに名前がありません。</translation>
    </message>
    <message>
        <source>A multipart part has no Content-Disposition header.</source>
        <translation>multipart のパートに Content-Disposition ヘッダーがありません。</translation>
    </message>
    <message>
        <source>The multipart body ends before its closing boundary.</source>
        <translation>multipart の本文が終わりの境界の前で切れています。</translation>
    </message>
    <message>
        <source>A drill name has at most %1 characters.</source>
        <translation>ドリル名は %1 文字までです。</translation>
    </message>
    <message>
        <source>The note has at most %1 characters.</source>
        <translation>メモは %1 文字までです。</translation>
    </message>
    <message>
        <source>Give the trim in seconds, a number of 0 or more.</source>
        <translation>トリムは秒数（0 以上の数）で指定してください。</translation>
    </message>
    <message>
        <source>mute is true or false.</source>
        <translation>mute は true か false です。</translation>
    </message>
    <message>
        <source>Send the video as a non-empty file field named &quot;file&quot;.</source>
        <translation>動画は「file」という名前の空でないファイル欄で送ってください。</translation>
    </message>
    <message>
        <source>Send one video per request.</source>
        <translation>1回のリクエストで送る動画は1本です。</translation>
    </message>
    <message>
        <source>Name at least one drill the video shows (field &quot;drill&quot;).</source>
        <translation>動画に映っているドリルを1つ以上指定してください（「drill」欄）。</translation>
    </message>
    <message>
        <source>Name at most %1 drills.</source>
        <translation>ドリルは %1 個までです。</translation>
    </message>
    <message>
        <source>trim_end must come after trim_start.</source>
        <translation>trim_end は trim_start より後にしてください。</translation>
    </message>
    <message>
        <source>The upload is not valid multipart/form-data: %1</source>
        <translation>アップロードが正しい multipart/form-data ではありません: %1</translation>
    </message>
    <message>
        <source>The server cannot store the upload: %1</source>
        <translation>サーバーがアップロードを保存できません: %1</translation>
    </message>
    <message>
        <source>Send the video as multipart/form-data (Content-Type was &quot;%1&quot;).</source>
        <translation>動画は multipart/form-data で送ってください（Content-Type は「%1」でした）。</translation>
    </message>
    <message>
        <source>The multipart/form-data Content-Type has no boundary.</source>
        <translation>multipart/form-data の Content-Type に boundary がありません。</translation>
    </message>
    <message>
        <source>The drill library is not available.</source>
        <translation>ドリルライブラリを使えません。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Runs: %1</source>
        <translation>ランID: %1</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>free</source>
        <translation>無料</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>ドリル</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>ラン数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>ラン ID</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>S&amp;earch:</source>
        <translation>検索(&amp;E):</translation>
    </message>
    <message>
        <source>Run ID or words of the drill</source>
        <translation>ラン ID またはドリルの言葉</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>プロバイダー(&amp;V):</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>期間(&amp;O):</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>ラン:</translation>
    </message>
    <message>
        <source>&amp;Unlink run…</source>
        <translation>ランの紐付けを解除(&amp;U)…</translation>
    </message>
    <message>
        <source>The run no longer uses this video; the video goes when no run uses it</source>
        <translation>このランはこの動画を使わなくなります。どのランも使わなくなると動画は削除されます</translation>
    </message>
    <message>
        <source>Up&amp;keep</source>
        <translation>メンテナンス(&amp;K)</translation>
    </message>
    <message>
        <source>Clear all, evict now, check the cache, disk use</source>
        <translation>すべて削除、今すぐ整理、キャッシュの点検、ディスク使用量</translation>
    </message>
    <message>
        <source>Ready or under way</source>
        <translation>完成・作成中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Failed or cancelled</source>
        <translation>失敗・キャンセル</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>すべてのプロバイダー</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Past year</source>
        <translation>過去 1 年間</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Runs that use this video</source>
        <translation>この動画を使うラン</translation>
    </message>
    <message>
        <source>&amp;Clear All…</source>
        <translation>すべて削除(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Evict Now</source>
        <translation>今すぐ整理(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;heck the Cache…</source>
        <translation>キャッシュを点検(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Disk Use…</source>
        <translation>ディスク使用量(&amp;D)…</translation>
    </message>
    <message>
        <source>What was spent cannot be read from the store.</source>
        <translation>使った金額をデータベースから読めません。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / 上限 %2</translation>
    </message>
    <message>
        <source>%1 (no cap)</source>
        <translation>%1 (上限なし)</translation>
    </message>
    <message>
        <source>Spent today: %1 · this month: %2</source>
        <translation>今日の支出: %1 · 今月: %2</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>ファイルなし</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>• %1 — runs: %2 — file: %3</source>
        <translation>• %1 — ラン: %2 — ファイル: %3</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…ほか %1 件。</translation>
    </message>
    <message>
        <source>Remove these %1 videos from the cache? The runs listed will no longer have a video.</source>
        <translation>この %1 本の動画をキャッシュから削除しますか?一覧のランは動画がなくなります。</translation>
    </message>
    <message>
        <source>Videos removed from the cache: %1.</source>
        <translation>キャッシュから削除した動画: %1 本。</translation>
    </message>
    <message>
        <source>Unlink run</source>
        <translation>ランの紐付けを解除</translation>
    </message>
    <message>
        <source>Run %1 will no longer use this video. The video stays in the cache while another run uses it.</source>
        <translation>ラン %1 はこの動画を使わなくなります。ほかのランが使っている間、動画はキャッシュに残ります。</translation>
    </message>
    <message>
        <source>Run %1 had no video.</source>
        <translation>ラン %1 には動画がありませんでした。</translation>
    </message>
    <message>
        <source>Run %1 no longer uses the video.</source>
        <translation>ラン %1 はこの動画を使わなくなりました。</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>すべて削除</translation>
    </message>
    <message>
        <source>Remove every finished video from the cache? Every run loses its video; videos being made are kept. This cannot be undone.</source>
        <translation>完成した動画をすべてキャッシュから削除しますか?すべてのランの動画がなくなります。作成中の動画は残ります。元に戻せません。</translation>
    </message>
    <message>
        <source>No cache limit is set (largest size or oldest age in the settings), so no video was evicted.</source>
        <translation>キャッシュの上限 (設定の最大サイズ・最長保存日数) がないため、整理した動画はありません。</translation>
    </message>
    <message>
        <source>Videos evicted to keep the cache within its limits: %1.</source>
        <translation>キャッシュを上限内に収めるため整理した動画: %1 本。</translation>
    </message>
    <message>
        <source>Checking the cache…</source>
        <translation>キャッシュを点検しています…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>点検を実行できませんでした: %1</translation>
    </message>
    <message>
        <source>Videos whose file is missing from the disk: %1 (first asked for by runs %2). They cannot be played; remove them from the cache and generate them again.</source>
        <translation>ディスクにファイルがない動画: %1 本 (最初に依頼したラン: %2)。再生できません。キャッシュから削除して、もう一度生成してください。</translation>
    </message>
    <message>
        <source>Videos marked ready that have no file: %1 (first asked for by runs %2). Remove them from the cache and generate them again.</source>
        <translation>完成扱いなのにファイルがない動画: %1 本 (最初に依頼したラン: %2)。キャッシュから削除して、もう一度生成してください。</translation>
    </message>
    <message>
        <source>Files in the video folder that belong to no video: %1 (%2), such as %3. Nothing uses them; they can be deleted to free space.</source>
        <translation>どの動画にも属さない動画フォルダー内のファイル: %1 個 (%2)、例: %3。使われていないので、削除して空き容量を増やせます。</translation>
    </message>
    <message>
        <source>Everything is in order: each of the %1 videos has its file, and the video folder holds nothing else.</source>
        <translation>問題はありません: %1 本の動画すべてにファイルがあり、動画フォルダーに余分なファイルもありません。</translation>
    </message>
    <message>
        <source>Video folder: %1</source>
        <translation>動画フォルダー: %1</translation>
    </message>
    <message>
        <source>The cache is in order.</source>
        <translation>キャッシュに問題はありません。</translation>
    </message>
    <message>
        <source>The check found problems in the cache.</source>
        <translation>点検でキャッシュに問題が見つかりました。</translation>
    </message>
    <message>
        <source>Cache check</source>
        <translation>キャッシュの点検</translation>
    </message>
    <message>
        <source>The video folder uses %1 in %2 files: %3</source>
        <translation>動画フォルダーの使用量は %1 (%2 個のファイル): %3</translation>
    </message>
    <message>
        <source>Per run, largest first:</source>
        <translation>ランごと (大きい順):</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>ラン %1: %2</translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation>ディスク使用量</translation>
    </message>
</context>
<context>
    <name>LibraryQuery</name>
    <message>
        <source>The library database could not list videos: %1</source>
        <translation>ライブラリのデータベースから動画を一覧できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not count videos: %1</source>
        <translation>ライブラリのデータベースで動画を数えられませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not list the runs of a video: %1</source>
        <translation>ライブラリのデータベースから動画のランを一覧できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>LibraryStore</name>
    <message>
        <source>The library database could not save the drill names: %1</source>
        <translation>ライブラリのデータベースにドリル名を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not add the video: %1</source>
        <translation>ライブラリのデータベースに動画を追加できませんでした: %1</translation>
    </message>
    <message>
        <source>This video is already in the library (%1).</source>
        <translation>この動画はすでにライブラリにあります（%1）。</translation>
    </message>
    <message>
        <source>The library database could not save the video: %1</source>
        <translation>ライブラリのデータベースに動画を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>This video is no longer in the library.</source>
        <translation>この動画はもうライブラリにありません。</translation>
    </message>
    <message>
        <source>The library database could not remove the video: %1</source>
        <translation>ライブラリのデータベースから動画を削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not read the drill names: %1</source>
        <translation>ライブラリのデータベースからドリル名を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not read a video: %1</source>
        <translation>ライブラリのデータベースから動画を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not list the library: %1</source>
        <translation>ライブラリのデータベースから一覧を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not save the drill synonyms: %1</source>
        <translation>ライブラリのデータベースにドリルの別名を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not save the drill synonym: %1</source>
        <translation>ライブラリのデータベースにドリルの別名を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not read the drill synonyms: %1</source>
        <translation>ライブラリのデータベースからドリルの別名を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The library database could not record the match: %1</source>
        <translation>ライブラリのデータベースに一致の記録を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Cannot read the runs linked to library video %1: %2</source>
        <translation>ライブラリ動画 %1 にリンクしたランを読めません: %2</translation>
    </message>
</context>
<context>
    <name>LocalProvider</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The local renderer failed: %1</source>
        <translation>ローカルレンダラーでエラーが発生しました: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n video(s) are still being made. Remote ones stay ordered and are fetched the next time DrillStudio or &quot;drillstudio worker&quot; runs; local ones start again then. Quit now?</source>
        <translation>
            <numerusform>%n 本の動画がまだ作成中です。リモートの動画は発注されたままで、次に DrillStudio か「drillstudio worker」を起動したときに取得されます。ローカルの動画はそのとき作り直されます。今すぐ終了しますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>DrillStudio</source>
        <translation>DrillStudio</translation>
    </message>
    <message>
        <source>New drill video</source>
        <translation>新しいドリル動画</translation>
    </message>
    <message>
        <source>&amp;Run ID:</source>
        <translation>ランID(&amp;R):</translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation>例: 42</translation>
    </message>
    <message>
        <source>&amp;Drill text:</source>
        <translation>ドリルのテキスト(&amp;D):</translation>
    </message>
    <message>
        <source>Paste the drill section of the advice card, e.g. もも上げ 20m×3</source>
        <translation>アドバイスカードのドリル欄を貼り付けてください（例: もも上げ 20m×3）</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cached videos</source>
        <translation>キャッシュ済みの動画</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>データフォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About DrillStudio</source>
        <translation>DrillStudio について(&amp;A)</translation>
    </message>
    <message>
        <source>About DrillStudio</source>
        <translation>DrillStudio について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DrillStudio %1&lt;/h3&gt;&lt;p&gt;Turns training-drill texts into short videos, keeps them in a durable cache and serves them to the web frontend.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DrillStudio %1&lt;/h3&gt;&lt;p&gt;トレーニングドリルのテキストから短い動画を作成し、永続的なキャッシュに保存して Web フロントエンドに配信します。&lt;/p&gt;&lt;p&gt;データフォルダー: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run %1 uses a video already in the cache; nothing was generated.</source>
        <translation>ラン %1 にはキャッシュ済みの動画を使用します。生成は行いませんでした。</translation>
    </message>
    <message>
        <source>Generating the video for run %1…</source>
        <translation>ラン %1 の動画を生成しています…</translation>
    </message>
    <message>
        <source>The video for run %1 is ready.</source>
        <translation>ラン %1 の動画が完成しました。</translation>
    </message>
    <message>
        <source>Remove this video from the cache?</source>
        <translation>この動画をキャッシュから削除しますか？</translation>
    </message>
    <message numerus="yes">
        <source>Remove this video from the cache? Run(s) %1 will no longer have a video.</source>
        <translation>
            <numerusform>この動画をキャッシュから削除しますか？ラン %1 では動画を表示できなくなります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from cache</source>
        <translation>キャッシュから削除</translation>
    </message>
    <message>
        <source>The video was removed from the cache.</source>
        <translation>動画をキャッシュから削除しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s), %1</source>
        <translation>
            <numerusform>動画 %n 本、%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1×%2, %3 s</source>
        <translation>%1×%2、%3 秒</translation>
    </message>
    <message>
        <source>Provider &quot;%1&quot; is not available</source>
        <translation>プロバイダー「%1」は利用できません</translation>
    </message>
    <message>
        <source>Local renderer · %1 · free</source>
        <translation>ローカルレンダラー · %1 · 無料</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · about $%4 per new video</source>
        <translation>%1（%2）· %3 · 新しい動画 1 本あたり約 $%4</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Make a &amp;new video</source>
        <translation>新しい動画を作る(&amp;N)</translation>
    </message>
    <message>
        <source>Generate again even though this drill is already cached</source>
        <translation>このドリルがキャッシュ済みでも、もう一度生成します</translation>
    </message>
    <message>
        <source>Generate the video (Ctrl+Return)</source>
        <translation>動画を生成します (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>&amp;Include failed and cancelled</source>
        <translation>失敗・キャンセルも表示(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;move from cache…</source>
        <translation>キャッシュから削除(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Server (running)</source>
        <translation>サーバー (実行中)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>パネル</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>ラン ID</translation>
    </message>
    <message>
        <source>Drill text</source>
        <translation>ドリルのテキスト</translation>
    </message>
    <message>
        <source>Make a new video</source>
        <translation>新しい動画を作る</translation>
    </message>
    <message>
        <source>A new video is ordered from %1 and billed (about $%2), although this drill is already cached. Go on?</source>
        <translation>このドリルはキャッシュ済みですが、%1 に新しい動画を発注し、課金されます (約 $%2)。続けますか？</translation>
    </message>
    <message>
        <source>The video for run %1 was already ordered from %2, which bills it even if you cancel now (about $%3). Cancel anyway?</source>
        <translation>ラン %1 の動画はすでに %2 に発注済みで、今キャンセルしても課金されます (約 $%3)。それでもキャンセルしますか？</translation>
    </message>
    <message>
        <source>Cancel a paid video</source>
        <translation>有料の動画をキャンセル</translation>
    </message>
    <message>
        <source>The openai provider has no API key, so Generate would fail. Store one with &quot;drillstudio openai-key set&quot;, set OPENAI_API_KEY, or choose the local provider in the settings.</source>
        <translation>openai プロバイダーの API キーがないため、生成は失敗します。「drillstudio openai-key set」でキーを保存するか、OPENAI_API_KEY を設定するか、設定でローカルプロバイダーを選んでください。</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>動画ができました</translation>
    </message>
    <message>
        <source>Video failed</source>
        <translation>動画を生成できませんでした</translation>
    </message>
    <message>
        <source>The video for run %1 could not be generated: %2</source>
        <translation>ラン %1 の動画を生成できませんでした: %2</translation>
    </message>
    <message>
        <source>Generation for run %1 was cancelled.</source>
        <translation>ラン %1 の生成をキャンセルしました。</translation>
    </message>
    <message>
        <source>Already cached: Generate answers at once, at no cost.</source>
        <translation>キャッシュ済み: 生成するとすぐに、無料で表示されます。</translation>
    </message>
    <message>
        <source>This video is no longer in the cache: it was removed, perhaps by another program or a team member.</source>
        <translation>この動画はもうキャッシュにありません。別のプログラムかチームのメンバーが削除したようです。</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the newest job</source>
        <translation>最新のジョブをキャンセル</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>F1 or ?</source>
        <translation>F1 または ?</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>この一覧</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Single keys do not act while you type in a text field or while a button has the focus.</source>
        <translation>テキスト欄に入力中やボタンにフォーカスがあるときは、単独キーのショートカットは働きません。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Quit DrillStudio</source>
        <translation>DrillStudio を終了</translation>
    </message>
    <message>
        <source>Save a copy of the video</source>
        <translation>動画のコピーを保存</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 動画 (*.mp4)</translation>
    </message>
    <message>
        <source>Save a Copy As…</source>
        <translation>名前を付けてコピーを保存…</translation>
    </message>
    <message>
        <source>Copy the File</source>
        <translation>ファイルをコピー</translation>
    </message>
    <message>
        <source>Open the Containing Folder</source>
        <translation>保存先のフォルダーを開く</translation>
    </message>
    <message>
        <source>Copy the Download URL</source>
        <translation>ダウンロード URL をコピー</translation>
    </message>
    <message>
        <source>Saved a copy as %1.</source>
        <translation>%1 にコピーを保存しました。</translation>
    </message>
    <message>
        <source>The copy could not be saved as %1.</source>
        <translation>%1 にコピーを保存できませんでした。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>ドリルライブラリ</translation>
    </message>
    <message>
        <source>Playing %1.</source>
        <translation>%1 を再生しています。</translation>
    </message>
</context>
<context>
    <name>MediaBackend</name>
    <message>
        <source>made for another version</source>
        <translation>別のバージョン用です</translation>
    </message>
    <message>
        <source>The video module of DrillStudio (FFmpeg) was not found (looked for %1). Reinstall DrillStudio.</source>
        <translation>DrillStudio の動画モジュール（FFmpeg）が見つかりません（探した場所: %1）。DrillStudio を入れ直してください。</translation>
    </message>
    <message>
        <source>The video module of DrillStudio (FFmpeg) cannot be loaded: %1. Reinstall DrillStudio.</source>
        <translation>DrillStudio の動画モジュール（FFmpeg）を読み込めません: %1。DrillStudio を入れ直してください。</translation>
    </message>
</context>
<context>
    <name>OpenAICall</name>
    <message>
        <source>the download was longer than announced</source>
        <translation>ダウンロードしたデータが通知されたサイズを超えました</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>応答が %1 バイトを超えています</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>リダイレクトが多すぎます</translation>
    </message>
    <message>
        <source>a redirect to an unusable address</source>
        <translation>使用できないアドレスにリダイレクトされました</translation>
    </message>
    <message>
        <source>the download ended early</source>
        <translation>ダウンロードが途中で終了しました</translation>
    </message>
    <message>
        <source>the answer has no job id</source>
        <translation>応答にジョブ ID がありません</translation>
    </message>
</context>
<context>
    <name>OpenAIConfig</name>
    <message>
        <source>The video service does not accept the size %1. Allowed sizes (openai/allowedSizes): %2.</source>
        <translation>動画サービスはサイズ %1 に対応していません。使用できるサイズ（openai/allowedSizes）: %2</translation>
    </message>
    <message>
        <source>The video service does not accept a length of %1 seconds. Allowed lengths (openai/allowedSeconds): %2.</source>
        <translation>動画サービスは %1 秒の長さに対応していません。使用できる長さ（openai/allowedSeconds）: %2</translation>
    </message>
    <message>
        <source>The video service address %1 uses http:// on another machine, so the API key would cross the network unencrypted. Use https://, or set openai/allowInsecure=true if this network is trusted.</source>
        <translation>動画サービスのアドレス %1 は別のマシンへの http:// のため、API キーが暗号化されずにネットワークを流れます。https:// を使うか、信頼できるネットワークなら openai/allowInsecure=true を設定してください。</translation>
    </message>
    <message>
        <source>warning: the API key is sent unencrypted to %1 (http://, openai/allowInsecure=true).</source>
        <translation>警告: API キーを暗号化せずに %1 へ送信します (http://、openai/allowInsecure=true)。</translation>
    </message>
</context>
<context>
    <name>OpenAIError</name>
    <message>
        <source>The video service refused this drill text or image under its content rules. Reword the drill (no real people, brands or music) or use the local renderer.</source>
        <translation>動画サービスのコンテンツ規約により、このドリルのテキストまたは画像は受け付けられませんでした。ドリルの表現を変える（実在の人物、ブランド、音楽を含めない）か、ローカルレンダラーを使用してください。</translation>
    </message>
    <message>
        <source>The video service rejected a setting of this request. Check the model, size and length in the settings.</source>
        <translation>動画サービスがこのリクエストの設定を受け付けませんでした。設定のモデル、サイズ、長さを確認してください。</translation>
    </message>
    <message>
        <source>The video service did not accept the API key. Check OPENAI_API_KEY, the .env file named in the settings, or the key stored in the system keychain.</source>
        <translation>動画サービスが API キーを受け付けませんでした。OPENAI_API_KEY、設定で指定した .env ファイル、またはシステムのキーチェーンに保存したキーを確認してください。</translation>
    </message>
    <message>
        <source>This account may not use this model: the organisation is not verified for it, or the service is not offered in this region.</source>
        <translation>このアカウントではこのモデルを使用できません。組織がこのモデルの利用について認証されていないか、この地域ではサービスが提供されていません。</translation>
    </message>
    <message>
        <source>The account of this API key has no credit left. Add credit or use another key; nothing was retried.</source>
        <translation>この API キーのアカウントにクレジットが残っていません。クレジットを追加するか、別のキーを使用してください。再試行は行っていません。</translation>
    </message>
    <message>
        <source>The video service is receiving too many requests from this account. Try again in a few minutes.</source>
        <translation>このアカウントから動画サービスへのリクエストが多すぎます。数分後に再度お試しください。</translation>
    </message>
    <message>
        <source>The video service reported a conflict with another request. Try again.</source>
        <translation>動画サービスで別のリクエストとの競合が発生しました。再度お試しください。</translation>
    </message>
    <message>
        <source>The video service had an internal problem. Try again later.</source>
        <translation>動画サービスで内部エラーが発生しました。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The video service could not be reached. Check the network connection and the address in the settings (openai/baseUrl).</source>
        <translation>動画サービスに接続できませんでした。ネットワーク接続と、設定のアドレス（openai/baseUrl）を確認してください。</translation>
    </message>
    <message>
        <source>The video service did not answer in time. Try again later.</source>
        <translation>動画サービスから時間内に応答がありませんでした。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The finished video can no longer be downloaded: the service keeps it only for a limited time.</source>
        <translation>完成した動画はダウンロードできなくなりました。サービスでの保存期間が過ぎています。</translation>
    </message>
    <message>
        <source>This endpoint no longer offers this model (OpenAI shut its video API down on 2026-09-24). Set the address of a compatible endpoint in the settings (openai/baseUrl) and a model it offers, or use the local renderer.</source>
        <translation>このエンドポイントではこのモデルが提供されなくなりました（OpenAI は 2026-09-24 に動画 API を終了しました）。設定で互換エンドポイントのアドレス（openai/baseUrl）とそのエンドポイントが提供するモデルを指定するか、ローカルレンダラーを使用してください。</translation>
    </message>
    <message>
        <source>The video service does not know this video.</source>
        <translation>この動画は動画サービスに見つかりません。</translation>
    </message>
    <message>
        <source>No API key for the video service was found. Set OPENAI_API_KEY, name a .env file in the settings (openai/envFile), or store the key in the system keychain with: drillstudio openai-key set</source>
        <translation>動画サービスの API キーが見つかりません。OPENAI_API_KEY を設定するか、設定で .env ファイルを指定する（openai/envFile）か、次のコマンドでシステムのキーチェーンにキーを保存してください: drillstudio openai-key set</translation>
    </message>
    <message>
        <source>The video service could not make this video.</source>
        <translation>動画サービスでこの動画を作成できませんでした。</translation>
    </message>
    <message>
        <source>The video service let this job expire before it could be downloaded.</source>
        <translation>ダウンロードする前に、動画サービスでこのジョブの有効期限が切れました。</translation>
    </message>
    <message>
        <source>The video service cancelled this job.</source>
        <translation>動画サービスがこのジョブをキャンセルしました。</translation>
    </message>
    <message>
        <source>The video was not ready within the time allowed (jobs/timeoutSeconds).</source>
        <translation>制限時間（jobs/timeoutSeconds）内に動画が完成しませんでした。</translation>
    </message>
    <message>
        <source>The downloaded file is larger than allowed (openai/maxDownloadBytes).</source>
        <translation>ダウンロードしたファイルが上限（openai/maxDownloadBytes）を超えています。</translation>
    </message>
    <message>
        <source>The video service sent an answer that cannot be read. Check that openai/baseUrl points to an OpenAI-compatible video API.</source>
        <translation>動画サービスから読み取れない応答が返されました。openai/baseUrl が OpenAI 互換の動画 API を指しているか確認してください。</translation>
    </message>
    <message>
        <source>The video could not be saved on this computer.</source>
        <translation>このコンピューターに動画を保存できませんでした。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The video service reported an error.</source>
        <translation>動画サービスからエラーが報告されました。</translation>
    </message>
    <message>
        <source>(Details: %1)</source>
        <translation>（詳細: %1）</translation>
    </message>
    <message>
        <source>status &quot;%1&quot;</source>
        <translation>ステータス「%1」</translation>
    </message>
</context>
<context>
    <name>OpenAIKeychain</name>
    <message>
        <source>This build has no keychain support.</source>
        <translation>このビルドはキーチェーンに対応していません。</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>パスワードファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>パスワードファイル %1 が空です。</translation>
    </message>
    <message>
        <source>Video generation is turned off because no generation password is configured. Set DRILLSTUDIO_GENERATION_PASSWORD or server/passwordFile, or set server/openGeneration to true on a development machine.</source>
        <translation>生成用のパスワードが設定されていないため、動画の生成は無効になっています。DRILLSTUDIO_GENERATION_PASSWORD または server/passwordFile を設定してください。開発用のマシンでは server/openGeneration を true にすることもできます。</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>&amp;Loop</source>
        <translation>ループ(&amp;L)</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>再生／一時停止（Space）</translation>
    </message>
    <message>
        <source>Previous frame (,)</source>
        <translation>前のフレーム（,）</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>次のフレーム（.）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>1× speed</source>
        <translation>等速（1×）</translation>
    </message>
    <message>
        <source>0.5× slow</source>
        <translation>スロー（0.5×）</translation>
    </message>
    <message>
        <source>0.25× slow</source>
        <translation>スロー（0.25×）</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>再生速度</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>再生/一時停止</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>前のフレーム</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>次のフレーム</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>再生位置</translation>
    </message>
    <message>
        <source>Click to jump; arrow keys move a quarter second</source>
        <translation>クリックでその位置へ移動、矢印キーで 0.25 秒ずつ移動</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>フレーム %1</translation>
    </message>
    <message>
        <source>2× fast</source>
        <translation>2 倍速</translation>
    </message>
    <message>
        <source>1.5× fast</source>
        <translation>1.5 倍速</translation>
    </message>
    <message>
        <source>0.1× slow</source>
        <translation>0.1 倍速 (スロー)</translation>
    </message>
    <message>
        <source>This video cannot be played: its file is missing or damaged.</source>
        <translation>この動画は再生できません: ファイルが見つからないか壊れています。</translation>
    </message>
    <message>
        <source>This video cannot be played.</source>
        <translation>この動画は再生できません。</translation>
    </message>
    <message>
        <source>Video compared</source>
        <translation>比較する動画</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>再生速度（[ で遅く、] で速く）</translation>
    </message>
    <message>
        <source>A–B</source>
        <translation>A–B</translation>
    </message>
    <message>
        <source>A–B loop (L): the first press marks A, the second B, the third ends the loop</source>
        <translation>A–B ループ（L）：1 回目で A、2 回目で B を指定し、3 回目でループを終了</translation>
    </message>
    <message>
        <source>A–B loop</source>
        <translation>A–B ループ</translation>
    </message>
    <message>
        <source>Save this frame as a PNG picture (S)</source>
        <translation>このフレームを PNG 画像として保存（S）</translation>
    </message>
    <message>
        <source>Snapshot of this frame</source>
        <translation>このフレームのスナップショット</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>Show a second video beside this one; both play and step together</source>
        <translation>もう 1 本の動画を横に並べて表示し、再生もコマ送りも一緒に行います</translation>
    </message>
    <message>
        <source>Compare with another video</source>
        <translation>別の動画と比較</translation>
    </message>
    <message>
        <source>Player in its own window, for a second screen (D)</source>
        <translation>プレーヤーを別ウィンドウに（2 台目の画面用）（D）</translation>
    </message>
    <message>
        <source>Player in its own window</source>
        <translation>プレーヤーを別ウィンドウに</translation>
    </message>
    <message>
        <source>Full screen (F; Escape leaves it)</source>
        <translation>全画面表示（F、Escape で戻る）</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全画面表示</translation>
    </message>
    <message>
        <source>Save this frame</source>
        <translation>このフレームを保存</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Compare with a video</source>
        <translation>動画と比較</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 動画 (*.mp4)</translation>
    </message>
    <message>
        <source>A %1–B?</source>
        <translation>A %1–B?</translation>
    </message>
    <message>
        <source>A is marked; press again (L) at the end of the loop</source>
        <translation>A を指定しました。ループの終わりでもう一度押してください（L）</translation>
    </message>
    <message>
        <source>A %1–B %2</source>
        <translation>A %1–B %2</translation>
    </message>
    <message>
        <source>Looping from A to B; press again (L) to end the loop</source>
        <translation>A から B までをループ中。もう一度押すと終了します（L）</translation>
    </message>
    <message>
        <source>The player is in a window of its own.</source>
        <translation>プレーヤーは別ウィンドウに表示されています。</translation>
    </message>
    <message>
        <source>Bring the player bac&amp;k</source>
        <translation>プレーヤーを戻す(&amp;K)</translation>
    </message>
    <message>
        <source>DrillStudio player</source>
        <translation>DrillStudio プレーヤー</translation>
    </message>
    <message>
        <source>Put the player back in the main window (D)</source>
        <translation>プレーヤーをメインウィンドウに戻す（D）</translation>
    </message>
    <message>
        <source>Put the player back</source>
        <translation>プレーヤーを元に戻す</translation>
    </message>
    <message>
        <source>Leave full screen (F or Escape)</source>
        <translation>全画面表示を終了（F または Escape）</translation>
    </message>
    <message>
        <source>There is no picture to save yet.</source>
        <translation>保存できる画像がまだありません。</translation>
    </message>
    <message>
        <source>The picture could not be saved as %1.</source>
        <translation>画像を %1 として保存できませんでした。</translation>
    </message>
    <message>
        <source>End comparison</source>
        <translation>比較を終了</translation>
    </message>
    <message>
        <source>End the comparison</source>
        <translation>比較を終了する</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>, and .</source>
        <translation>, と .</translation>
    </message>
    <message>
        <source>One frame back or forward</source>
        <translation>1 フレーム戻る/進む</translation>
    </message>
    <message>
        <source>Left and Right on the position bar</source>
        <translation>再生位置バーで ← →</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>シーク</translation>
    </message>
    <message>
        <source>[ and ]</source>
        <translation>[ と ]</translation>
    </message>
    <message>
        <source>Slower or faster (0.1× to 2×)</source>
        <translation>遅く/速く（0.1× ～ 2×）</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>A–B loop: mark A, mark B, end the loop</source>
        <translation>A–B ループ：A を指定、B を指定、ループ終了</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Save the frame as a PNG picture</source>
        <translation>このフレームを PNG 画像として保存</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Full screen (Escape leaves it)</source>
        <translation>全画面表示（Escape で戻る）</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Player in its own window, or back</source>
        <translation>プレーヤーを別ウィンドウに切り離す／元に戻す</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>メソッド</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
</context>
<context>
    <name>RestServer</name>
    <message>
        <source>The server does not listen on %1 without admin credentials: anyone on the network could clear the cache. Set server/adminUser and server/adminPasswordHash, or server/apiKeyHash (drillstudio serve --hash-secret makes the hash), or listen on 127.0.0.1.</source>
        <translation>管理者の認証情報が設定されていないため、%1 では待ち受けません。ネットワーク上の誰でもキャッシュを消去できてしまいます。server/adminUser と server/adminPasswordHash、または server/apiKeyHash を設定するか（ハッシュは drillstudio serve --hash-secret で作れます）、127.0.0.1 で待ち受けてください。</translation>
    </message>
    <message>
        <source>The socket handed over by the service manager cannot be used: %1</source>
        <translation>サービスマネージャーから渡されたソケットを使えません: %1</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>The same REST server as “drillstudio serve”, run inside this window: the web frontend can call it while you work here.</source>
        <translation>「drillstudio serve」と同じ REST サーバーをこのウィンドウの中で動かします。ここで作業しながら Web フロントエンドから呼び出せます。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>空いているポート</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>サーバーを開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start &amp;with the application</source>
        <translation>アプリケーションと一緒に開始(&amp;W)</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>サーバーのポート</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>サーバーの URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; use one such as 127.0.0.1.</source>
        <translation>「%1」は IP アドレスではありません。127.0.0.1 のようなアドレスを指定してください。</translation>
    </message>
    <message>
        <source>Port %1 is already in use. Stop the other server or choose another port.</source>
        <translation>ポート %1 はすでに使われています。もう一方のサーバーを止めるか、別のポートを選んでください。</translation>
    </message>
    <message>
        <source>The server cannot listen on %1 port %2: %3</source>
        <translation>サーバーは %1 のポート %2 で待ち受けできません: %3</translation>
    </message>
    <message>
        <source>&amp;Stop server</source>
        <translation>サーバーを停止(&amp;S)</translation>
    </message>
    <message>
        <source>Listening. The web frontend calls %1generate; the old gateway path %1api/video-generation/ works too.</source>
        <translation>待ち受け中です。Web フロントエンドは %1generate を呼び出します。旧ゲートウェイのパス %1api/video-generation/ も使えます。</translation>
    </message>
    <message>
        <source>set: POST /generate asks for it</source>
        <translation>設定済み: POST /generate で要求されます</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>停止しています。</translation>
    </message>
    <message>
        <source>shown when the server runs</source>
        <translation>サーバーの実行中に表示されます</translation>
    </message>
    <message>
        <source>Demo page:</source>
        <translation>デモページ:</translation>
    </message>
    <message>
        <source>Latest requests:</source>
        <translation>最近のリクエスト:</translation>
    </message>
    <message>
        <source>Demo page URL</source>
        <translation>デモページの URL</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>最近のリクエスト</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Use true or false.</source>
        <translation>true または false を指定してください。</translation>
    </message>
    <message>
        <source>Use a whole number from %1 to %2.</source>
        <translation>%1～%2 の整数を指定してください。</translation>
    </message>
    <message>
        <source>Use an amount in US dollars from %1 to %2 (0 means no limit).</source>
        <translation>%1～%2 の金額（米ドル）を指定してください（0 は上限なし）。</translation>
    </message>
    <message>
        <source>Use 1 to 100 characters.</source>
        <translation>1～100 文字で指定してください。</translation>
    </message>
    <message>
        <source>Use at most 200 characters.</source>
        <translation>200 文字以内で指定してください。</translation>
    </message>
    <message>
        <source>The video size must look like 1280x720 (even numbers).</source>
        <translation>動画サイズは 1280x720 のように偶数で指定してください。</translation>
    </message>
    <message>
        <source>List at least one size, like 1280x720,720x1280.</source>
        <translation>サイズを 1 つ以上指定してください（例: 1280x720,720x1280）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size like 1280x720.</source>
        <translation>「%1」は 1280x720 のような形式のサイズではありません。</translation>
    </message>
    <message>
        <source>List at least one length in seconds, like 4,8,12.</source>
        <translation>長さ（秒）を 1 つ以上指定してください（例: 4,8,12）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a length from 1 to 60 seconds.</source>
        <translation>「%1」は 1～60 秒の長さではありません。</translation>
    </message>
    <message>
        <source>Use an http:// or https:// address, like https://api.openai.com/v1.</source>
        <translation>http:// または https:// で始まるアドレスを指定してください（例: https://api.openai.com/v1）。</translation>
    </message>
    <message>
        <source>Use an address like postgresql://user@host:5432/database.</source>
        <translation>postgresql://user@host:5432/database のような形式のアドレスを指定してください。</translation>
    </message>
    <message>
        <source>Do not put the password in the address; use PGPASSWORD or ~/.pgpass.</source>
        <translation>アドレスにパスワードを含めないでください。PGPASSWORD または ~/.pgpass を使用してください。</translation>
    </message>
    <message>
        <source>The store must be &quot;sqlite&quot; or &quot;postgresql&quot;.</source>
        <translation>ストアには &quot;sqlite&quot; または &quot;postgresql&quot; を指定してください。</translation>
    </message>
    <message>
        <source>The prompt template must contain {drill}.</source>
        <translation>プロンプトテンプレートには {drill} を含めてください。</translation>
    </message>
    <message>
        <source>The prompt template is too long.</source>
        <translation>プロンプトテンプレートが長すぎます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price like sora-2:1280x720=0.10.</source>
        <translation>「%1」は sora-2:1280x720=0.10 のような形式の価格ではありません。</translation>
    </message>
    <message>
        <source>The settings file was written by a newer DrillStudio (version %1); values it does not know are ignored.</source>
        <translation>設定ファイルは、より新しい DrillStudio（バージョン %1）で書き込まれています。このバージョンで認識できない値は無視します。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read; defaults are used.</source>
        <translation>設定ファイル %1 を読み込めないため、既定値を使用します。</translation>
    </message>
    <message>
        <source>Setting %1: %2 The default (%3) is used instead.</source>
        <translation>設定 %1: %2 代わりに既定値（%3）を使用します。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>設定ファイル %1 に書き込めません。</translation>
    </message>
    <message>
        <source>Unknown setting %1.</source>
        <translation>設定 %1 は不明です。</translation>
    </message>
    <message>
        <source>The provider must be &quot;local&quot;, &quot;openai&quot; or &quot;library&quot;.</source>
        <translation>プロバイダーは &quot;local&quot;、&quot;openai&quot;、&quot;library&quot; のいずれかにしてください。</translation>
    </message>
    <message>
        <source>List the providers in order, like library,local.</source>
        <translation>プロバイダーを順に並べてください（例: library,local）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider; use library, local and openai, like library,local.</source>
        <translation>&quot;%1&quot; はプロバイダーではありません。library、local、openai を library,local のように並べてください。</translation>
    </message>
    <message>
        <source>Use a number from 0.5 to 1 (1: only exact drill names match).</source>
        <translation>0.5〜1 の数にしてください（1: ドリル名が完全に一致したときだけ）。</translation>
    </message>
    <message>
        <source>Use a hash made by &quot;drillstudio serve --hash-secret&quot; (pbkdf2-sha256$iterations$salt$key), never the secret itself.</source>
        <translation>&quot;drillstudio serve --hash-secret&quot; で作ったハッシュ（pbkdf2-sha256$反復回数$ソルト$鍵）を指定してください。秘密の値そのものは使えません。</translation>
    </message>
    <message>
        <source>Environment variable %1: %2 It is ignored.</source>
        <translation>環境変数 %1: %2 この値は無視されます。</translation>
    </message>
    <message>
        <source>This setting comes from the environment variable %1; change it there.</source>
        <translation>この設定は環境変数 %1 で指定されています。変更はそちらで行ってください。</translation>
    </message>
    <message>
        <source>Provider for new videos: local (rendered on this machine) or openai.</source>
        <translation>新しい動画のプロバイダー: local（このマシンで描画）または openai。</translation>
    </message>
    <message>
        <source>Where videos come from, in order: library (a matching video of the drill library, free and at once), then the first of local or openai generates one (the next when it refuses). Left at its default, generation/provider names the generator.</source>
        <translation>動画の入手先を順に指定します: library（ドリルライブラリの一致する動画。無料ですぐに返ります）、次に local または openai の先頭が生成します（断られたときは次へ）。既定のままなら、生成元は generation/provider で決まります。</translation>
    </message>
    <message>
        <source>Model name sent to the openai provider.</source>
        <translation>openai プロバイダーに送るモデル名。</translation>
    </message>
    <message>
        <source>Video size, WIDTHxHEIGHT.</source>
        <translation>動画のサイズ（幅x高さ）。</translation>
    </message>
    <message>
        <source>Video length in seconds.</source>
        <translation>動画の長さ（秒）。</translation>
    </message>
    <message>
        <source>Prompt sent to the provider; {drill} stands for the drill text.</source>
        <translation>プロバイダーに送るプロンプト。{drill} はドリルの文章に置き換わります。</translation>
    </message>
    <message>
        <source>Runs with the same drill share one video (true) or each get their own (false).</source>
        <translation>同じドリルのランで 1 本の動画を共有する（true）か、ランごとに作る（false）か。</translation>
    </message>
    <message>
        <source>Cache size cap in bytes; least recently used videos go first. 0: no cap.</source>
        <translation>キャッシュの上限（バイト）。最近使われていない動画から削除します。0: 上限なし。</translation>
    </message>
    <message>
        <source>Videos not used for this many days are evicted. 0: keep.</source>
        <translation>この日数使われなかった動画を削除します。0: 削除しない。</translation>
    </message>
    <message>
        <source>Local renders at the same time.</source>
        <translation>同時に行うローカル描画の数。</translation>
    </message>
    <message>
        <source>Remote jobs under way at the same time.</source>
        <translation>同時に進めるリモートジョブの数。</translation>
    </message>
    <message>
        <source>Overall time a job may take before it is given up.</source>
        <translation>ジョブを打ち切るまでの全体の制限時間。</translation>
    </message>
    <message>
        <source>Daily spending cap for remote jobs in US dollars. 0: no cap.</source>
        <translation>リモートジョブの 1 日の支出上限（米ドル）。0: 上限なし。</translation>
    </message>
    <message>
        <source>Monthly spending cap for remote jobs in US dollars. 0: no cap.</source>
        <translation>リモートジョブの月間の支出上限（米ドル）。0: 上限なし。</translation>
    </message>
    <message>
        <source>Job store: sqlite (a file in the data folder) or postgresql (shared by a team).</source>
        <translation>ジョブストア: sqlite（データフォルダー内のファイル）または postgresql（チームで共有）。</translation>
    </message>
    <message>
        <source>PostgreSQL address, postgresql://user@host:port/database (password from PGPASSWORD or ~/.pgpass).</source>
        <translation>PostgreSQL のアドレス。postgresql://ユーザー@ホスト:ポート/データベース（パスワードは PGPASSWORD または ~/.pgpass から）。</translation>
    </message>
    <message>
        <source>Base URL of an OpenAI-compatible Videos API.</source>
        <translation>OpenAI 互換 Videos API のベース URL。</translation>
    </message>
    <message>
        <source>Use an http:// openai/baseUrl on another machine although the API key then crosses the network unencrypted (http:// to this machine is always allowed).</source>
        <translation>API キーが暗号化されずにネットワークを通ることになっても、別のマシンの http:// の openai/baseUrl を使います（このマシンへの http:// は常に使えます）。</translation>
    </message>
    <message>
        <source>Optional OpenAI-Organization header.</source>
        <translation>OpenAI-Organization ヘッダー（省略可）。</translation>
    </message>
    <message>
        <source>Optional OpenAI-Project header.</source>
        <translation>OpenAI-Project ヘッダー（省略可）。</translation>
    </message>
    <message>
        <source>A .env file that holds OPENAI_API_KEY=..., when the key is not in the environment.</source>
        <translation>キーが環境変数にないときに読む、OPENAI_API_KEY=... を含む .env ファイル。</translation>
    </message>
    <message>
        <source>Sizes the endpoint accepts.</source>
        <translation>エンドポイントが受け付けるサイズ。</translation>
    </message>
    <message>
        <source>Lengths the endpoint accepts.</source>
        <translation>エンドポイントが受け付ける長さ。</translation>
    </message>
    <message>
        <source>Time one HTTP request may take.</source>
        <translation>1 回の HTTP リクエストにかけられる時間。</translation>
    </message>
    <message>
        <source>First wait between status polls (grows with backoff; openai-poll-after-ms wins).</source>
        <translation>状態確認の最初の間隔（バックオフで延びます。openai-poll-after-ms があればそちらが優先）。</translation>
    </message>
    <message>
        <source>Retries of a failed request that is safe to repeat.</source>
        <translation>繰り返しても安全な失敗リクエストの再試行回数。</translation>
    </message>
    <message>
        <source>Largest file the openai provider downloads, in bytes.</source>
        <translation>openai プロバイダーがダウンロードする最大ファイルサイズ（バイト）。</translation>
    </message>
    <message>
        <source>US dollars per second of video, per model and size.</source>
        <translation>モデルとサイズごとの、動画 1 秒あたりの価格（米ドル）。</translation>
    </message>
    <message>
        <source>Lowest confidence (0.5 to 1) at which a library video answers a drill text; 1: only exact drill names.</source>
        <translation>ライブラリの動画でドリルの文章に答える最低の確信度（0.5〜1）。1: ドリル名が完全に一致するときだけ。</translation>
    </message>
    <message>
        <source>Keep each imported file as it was, beside the converted video.</source>
        <translation>取り込んだ元のファイルを、変換した動画の横にそのまま残します。</translation>
    </message>
    <message>
        <source>Largest file accepted for import into the drill library, in bytes.</source>
        <translation>ドリルライブラリに取り込めるファイルの最大サイズ（バイト）。</translation>
    </message>
    <message>
        <source>Log file size at which it is rotated, in bytes.</source>
        <translation>ログファイルを切り替えるサイズ（バイト）。</translation>
    </message>
    <message>
        <source>Address the REST server (drillstudio serve) listens on.</source>
        <translation>REST サーバー（drillstudio serve）が待ち受けるアドレス。</translation>
    </message>
    <message>
        <source>Port of the REST server; 0 picks a free one.</source>
        <translation>REST サーバーのポート。0 なら空いているポートを選びます。</translation>
    </message>
    <message>
        <source>File whose first line is the generation password (DRILLSTUDIO_GENERATION_PASSWORD wins).</source>
        <translation>1 行目が生成パスワードのファイル（DRILLSTUDIO_GENERATION_PASSWORD があればそちらが優先）。</translation>
    </message>
    <message>
        <source>Let POST /generate run without a password when none is configured (development machines only).</source>
        <translation>パスワードが設定されていないとき、POST /generate をパスワードなしで実行できるようにします（開発用マシンのみ）。</translation>
    </message>
    <message>
        <source>Largest request body the REST server accepts, in bytes.</source>
        <translation>REST サーバーが受け付けるリクエスト本文の最大サイズ（バイト）。</translation>
    </message>
    <message>
        <source>Largest upload to POST /library/videos, in bytes (held in memory while it arrives).</source>
        <translation>POST /library/videos へのアップロードの最大サイズ（バイト。受信中はメモリーに保持されます）。</translation>
    </message>
    <message>
        <source>Longest time POST /generate waits for the video before answering 202.</source>
        <translation>POST /generate が 202 を返す前に動画を待つ最長時間。</translation>
    </message>
    <message>
        <source>Comma-separated addresses of proxies whose X-Forwarded-For names the client (for the password lockout).</source>
        <translation>X-Forwarded-For でクライアントを示すプロキシのアドレス（カンマ区切り。パスワードのロックアウトに使います）。</translation>
    </message>
    <message>
        <source>User name for HTTP Basic on the admin routes (DELETE /cache/..., /metrics).</source>
        <translation>管理用ルート（DELETE /cache/...、/metrics）の HTTP Basic 認証のユーザー名。</translation>
    </message>
    <message>
        <source>Salted PBKDF2 hash of the admin password (drillstudio serve --hash-secret).</source>
        <translation>管理者パスワードのソルト付き PBKDF2 ハッシュ（drillstudio serve --hash-secret で作成）。</translation>
    </message>
    <message>
        <source>Salted PBKDF2 hash of the Bearer API key for the admin routes (drillstudio serve --hash-secret).</source>
        <translation>管理用ルートの Bearer API キーのソルト付き PBKDF2 ハッシュ（drillstudio serve --hash-secret で作成）。</translation>
    </message>
    <message>
        <source>Let clients on this machine use the admin routes without credentials.</source>
        <translation>このマシンのクライアントには、認証なしで管理用ルートを使わせます。</translation>
    </message>
    <message>
        <source>How long an address is refused after five failed admin logins, in seconds.</source>
        <translation>管理者ログインに 5 回失敗したアドレスを拒否する時間（秒）。</translation>
    </message>
    <message>
        <source>Comma-separated host names the server answers to besides localhost and IP addresses (*.example.org allowed); guards against DNS rebinding.</source>
        <translation>localhost と IP アドレスのほかにサーバーが応答するホスト名（カンマ区切り、*.example.org も可）。DNS リバインディングを防ぎます。</translation>
    </message>
    <message>
        <source>Time a client has to send one request&apos;s headers and body, in seconds; slower clients are cut off.</source>
        <translation>クライアントが 1 つのリクエストのヘッダーと本文を送り終えるまでの時間（秒）。遅いクライアントは切断されます。</translation>
    </message>
    <message>
        <source>Time a kept-alive connection may stay idle between requests, in seconds, before the server closes it.</source>
        <translation>キープアライブ接続がリクエストの間に待機していられる時間（秒）。過ぎるとサーバーが閉じます。</translation>
    </message>
    <message>
        <source>Connections the REST server keeps open at most; more are answered 503.</source>
        <translation>REST サーバーが同時に開いておく接続の上限。超えた分には 503 を返します。</translation>
    </message>
    <message>
        <source>Comma-separated origins (http://localhost:3000) whose pages may call the server from a browser.</source>
        <translation>ブラウザーからサーバーを呼び出してよいページのオリジン（カンマ区切り、例: http://localhost:3000）。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Changes apply at once, without a restart. Each field shows its default; an empty field means the default.</source>
        <translation>変更は再起動せずにすぐ反映されます。各欄には既定値が表示され、空欄は既定値を意味します。</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>キャッシュ</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Job store</source>
        <translation>ジョブストア</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>REST server</source>
        <translation>REST サーバー</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Stored in %1; edits made there by hand are picked up while the window is open.</source>
        <translation>保存先: %1。このファイルを手で編集しても、ウィンドウを開いたまま反映されます。</translation>
    </message>
    <message>
        <source>on (default: %1)</source>
        <translation>オン (既定値: %1)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>(empty by default)</source>
        <translation>(既定では空)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定値: %1</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>OpenAI API &amp;key:</source>
        <translation>OpenAI API キー(&amp;K):</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI API キー</translation>
    </message>
    <message>
        <source>paste a new key to store it</source>
        <translation>新しいキーを貼り付けると保存できます</translation>
    </message>
    <message>
        <source>No system keychain is running, so the key cannot be kept here. Start one (GNOME Keyring or KWallet), or set OPENAI_API_KEY, or name an environment file in openai/envFile.</source>
        <translation>システムのキーチェーンが動いていないため、ここにキーを保存できません。キーチェーン（GNOME Keyring または KWallet）を起動するか、OPENAI_API_KEY を設定するか、openai/envFile に環境ファイルを指定してください。</translation>
    </message>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>（キーチェーンからの応答: %1）</translation>
    </message>
    <message>
        <source>This build has no keychain support; set OPENAI_API_KEY or name an environment file in openai/envFile.</source>
        <translation>このビルドはキーチェーンに対応していません。OPENAI_API_KEY を設定するか、openai/envFile に環境ファイルを指定してください。</translation>
    </message>
    <message>
        <source>No key is stored in the system keychain yet.</source>
        <translation>システムのキーチェーンにはまだキーが保存されていません。</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain.</source>
        <translation>システムのキーチェーンにキーが保存されています。</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain.</source>
        <translation>キーをシステムのキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>Store in key&amp;chain</source>
        <translation>キーチェーンに保存(&amp;C)</translation>
    </message>
</context>
<context>
    <name>VideoController</name>
    <message>
        <source>The size %1 is not offered; use one of %2.</source>
        <translation>サイズ %1 には対応していません。%2 のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>The size %1 is not offered; the local renderer makes 16 to 3840 pixels a side.</source>
        <translation>サイズ %1 には対応していません。ローカルレンダラーで作成できるのは一辺 16～3840 ピクセルです。</translation>
    </message>
    <message>
        <source>A length of %1 seconds is not offered; use one of %2.</source>
        <translation>%1 秒の長さには対応していません。%2 のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>The video is being generated; GET the status URL for progress.</source>
        <translation>動画を生成しています。進捗はステータス URL への GET で確認してください。</translation>
    </message>
</context>
<context>
    <name>VideoFile</name>
    <message>
        <source>No video file was given. Use &quot;drillstudio open FILE&quot;.</source>
        <translation>動画ファイルが指定されていません。「drillstudio open ファイル」の形で指定してください。</translation>
    </message>
    <message>
        <source>The video file %1 does not exist.</source>
        <translation>動画ファイル %1 が見つかりません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a video file.</source>
        <translation>%1 はフォルダーで、動画ファイルではありません。</translation>
    </message>
    <message>
        <source>The video file %1 cannot be read; check its permissions.</source>
        <translation>動画ファイル %1 を読み込めません。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>%1 is not a video file (it is %2).</source>
        <translation>%1 は動画ファイルではありません（%2 です）。</translation>
    </message>
</context>
<context>
    <name>VideoImporter</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>ファイル %1 がありません。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: it starts like a video but cannot be opened. Copy it again.</source>
        <translation>%1 は壊れているか途中までしかありません。動画のように始まっていますが開けません。もう一度コピーしてください。</translation>
    </message>
    <message>
        <source>%1 is not a video file (MP4, MOV, WebM or MKV).</source>
        <translation>%1 は動画ファイル（MP4、MOV、WebM、MKV）ではありません。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: its streams cannot be read.</source>
        <translation>%1 は壊れているか途中までしかありません。ストリームを読み取れません。</translation>
    </message>
    <message>
        <source>%1 has no video picture (only sound or a cover image).</source>
        <translation>%1 には映像がありません（音声かカバー画像だけです）。</translation>
    </message>
    <message>
        <source>The video in %1 uses the %2 codec, which this system cannot decode.</source>
        <translation>%1 の映像は %2 コーデックで、このシステムでは再生（デコード）できません。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>メモリが足りません。</translation>
    </message>
    <message>
        <source>The video in %1 (%2) cannot be decoded: %3</source>
        <translation>%1 の映像（%2）をデコードできません: %3</translation>
    </message>
    <message>
        <source>The trim end must come after the trim start.</source>
        <translation>切り出しの終わりは始まりより後にしてください。</translation>
    </message>
    <message>
        <source>The trim start (%1 s) is past the end of the video (%2 s).</source>
        <translation>切り出しの始まり（%1 秒）が動画の終わり（%2 秒）より後です。</translation>
    </message>
    <message>
        <source>The video size %1x%2 is not supported.</source>
        <translation>動画サイズ %1x%2 には対応していません。</translation>
    </message>
    <message>
        <source>The MP4 file cannot be created: %1</source>
        <translation>MP4 ファイルを作成できません: %1</translation>
    </message>
    <message>
        <source>The H.264 encoder (libx264) is not available on this system.</source>
        <translation>このシステムには H.264 エンコーダー（libx264）がありません。</translation>
    </message>
    <message>
        <source>The H.264 encoder cannot start: %1</source>
        <translation>H.264 エンコーダーを開始できません: %1</translation>
    </message>
    <message>
        <source>The imported video cannot be written: %1</source>
        <translation>取り込んだ動画を書き込めません: %1</translation>
    </message>
    <message>
        <source>Encoding failed: %1</source>
        <translation>エンコードに失敗しました: %1</translation>
    </message>
    <message>
        <source>The picture format of this video cannot be converted.</source>
        <translation>この動画の画素形式は変換できません。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>取り込みを中止しました。</translation>
    </message>
    <message>
        <source>The video data is damaged: %1</source>
        <translation>動画のデータが壊れています: %1</translation>
    </message>
    <message>
        <source>No picture could be decoded: the file is damaged or incomplete.</source>
        <translation>映像を1枚もデコードできませんでした。ファイルが壊れているか途中までしかありません。</translation>
    </message>
    <message>
        <source>The file ends early: only %1 of %2 seconds could be read. It is probably incomplete; copy it again.</source>
        <translation>ファイルが途中で終わっています。%2 秒のうち %1 秒しか読めませんでした。コピーが不完全なようです。もう一度コピーしてください。</translation>
    </message>
</context>
<context>
    <name>VideoStore</name>
    <message>
        <source>The video folder %1 cannot be created. Choose another data folder with --data-dir.</source>
        <translation>動画フォルダー %1 を作成できません。--data-dir で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>The video folder %1 is not writable. Check its permissions or choose another data folder with --data-dir.</source>
        <translation>動画フォルダー %1 に書き込めません。アクセス権を確認するか、--data-dir で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>The new video cannot be read: %1</source>
        <translation>新しい動画を読み込めません: %1</translation>
    </message>
    <message>
        <source>The new video is too small (%1 bytes) to be a real video.</source>
        <translation>新しい動画のサイズが小さすぎます（%1 バイト）。正しい動画ではありません。</translation>
    </message>
    <message>
        <source>The new file is not an MP4 video.</source>
        <translation>新しいファイルは MP4 動画ではありません。</translation>
    </message>
    <message>
        <source>The new video cannot be decoded: %1</source>
        <translation>新しい動画をデコードできません: %1</translation>
    </message>
    <message>
        <source>The new video could not be written to disk: %1</source>
        <translation>新しい動画をディスクに書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>The new video could not be moved into the library: %1</source>
        <translation>新しい動画をライブラリに移動できませんでした: %1</translation>
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
