<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
        <source>DrillStudio turns training-drill texts into short videos, keeps them in a cache and serves them to the web frontend.

Commands:
  (none)     open the window
  generate   make the video for a run&apos;s drill and print its path
  batch      make the videos for many runs from a JSON-lines file
  worker     work through the shared job queue
  openai-key store the openai provider&apos;s API key in the system keychain
  cache      list, clear, check, measure or evict the cached videos
  serve      answer the web frontend&apos;s REST calls and work on the job queue</source>
        <translation>DrillStudio は、トレーニングドリルのテキストから短い動画を作成し、
キャッシュに保存して Web フロントエンドに配信します。

コマンド:
  (なし)     ウィンドウを開きます
  generate   ランのドリル動画を作成し、そのパスを表示します
  batch      JSON Lines ファイルから複数のランの動画を作成します
  worker     共有ジョブキューのジョブを処理します
  openai-key openai プロバイダーの API キーをシステムのキーチェーンに保存します
  cache      キャッシュ済みの動画を一覧表示・クリア・検査・計測・整理します
  serve      Web フロントエンドの REST 呼び出しに応答し、ジョブも処理します</translation>
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
        <source>generate, batch, worker, serve, openai-key or cache</source>
        <translation>generate、batch、worker、serve、openai-key または cache</translation>
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
        <source>Cancel</source>
        <translation>キャンセル</translation>
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
        <source>&amp;Remove from cache…</source>
        <translation>キャッシュから削除(&amp;R)…</translation>
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
        <source>Generation was cancelled.</source>
        <translation>生成をキャンセルしました。</translation>
    </message>
    <message>
        <source>The video could not be generated: %1</source>
        <translation>動画を生成できませんでした: %1</translation>
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
        <source>%p% · about %1 s left</source>
        <translation>%p% · 残り約 %1 秒</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
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
        <source>Downloading the video… %1 of %2</source>
        <translation>ビデオをダウンロード中… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading the video… %1</source>
        <translation>ビデオをダウンロード中… %1</translation>
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
        <source>This video cannot be played: %1</source>
        <translation>この動画を再生できません: %1</translation>
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
        <source>The provider must be &quot;local&quot; or &quot;openai&quot;.</source>
        <translation>プロバイダーには &quot;local&quot; または &quot;openai&quot; を指定してください。</translation>
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
