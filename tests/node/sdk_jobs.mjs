// Drives video jobs through the official `openai` npm SDK against an OpenAI Videos API endpoint
// (normally the local sora-emulator) and prints one JSON line:
//   {"jobs":N,"ok":N,"failed":N,"wall_ms":..,"cpu_ms":..,"peak_rss_bytes":..,"errors":[..]}
//
// usage: node sdk_jobs.mjs --base-url http://127.0.0.1:PORT/v1 [--jobs N] [--concurrency C]
//                          [--poll-ms MS] [--model sora-2] [--size 1280x720] [--seconds 4]
//                          [--variants video,thumbnail,spritesheet] [--warmup N]
// --warmup N runs N jobs first, untimed, then prints "warm" and waits for a line on standard
// input before the timed jobs (bench_openai_jobs clears the emulator's request log meanwhile).
// The key comes from OPENAI_API_KEY (never from the command line). Exit status 0 when every job
// completed and every download had the expected bytes, 1 otherwise, 2 on bad arguments.
import OpenAI from 'openai';

function parseArguments(argv) {
  const options = {
    baseURL: '',
    jobs: 1,
    concurrency: 8,
    pollMs: 20,
    model: 'sora-2',
    size: '1280x720',
    seconds: '4',
    variants: ['video'],
    warmup: 0,
  };
  for (let i = 0; i < argv.length; ++i) {
    const name = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    ++i;
    switch (name) {
      case '--base-url': options.baseURL = value; break;
      case '--jobs': options.jobs = Number.parseInt(value, 10); break;
      case '--concurrency': options.concurrency = Number.parseInt(value, 10); break;
      case '--poll-ms': options.pollMs = Number.parseInt(value, 10); break;
      case '--model': options.model = value; break;
      case '--size': options.size = value; break;
      case '--seconds': options.seconds = value; break;
      case '--variants': options.variants = value.split(',').filter(Boolean); break;
      case '--warmup': options.warmup = Number.parseInt(value, 10); break;
      default: throw new Error(`unknown option ${name}`);
    }
  }
  if (!options.baseURL) throw new Error('--base-url is required');
  if (!(options.jobs > 0) || !(options.concurrency > 0) || !(options.pollMs >= 0)
      || !(options.warmup >= 0))
    throw new Error('--jobs and --concurrency must be positive, --poll-ms and --warmup not negative');
  return options;
}

// Each variant must carry its format's signature bytes.
function checkBytes(variant, bytes) {
  if (variant === 'video')
    return bytes.length > 12 && bytes.toString('latin1', 4, 8) === 'ftyp';
  if (variant === 'thumbnail')
    return bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF'
        && bytes.toString('latin1', 8, 12) === 'WEBP';
  if (variant === 'spritesheet')
    return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return false;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function runJob(client, options, index) {
  let video = await client.videos.create({
    prompt: `Drill video ${index}: high knees, 20 m, three sets.`,
    model: options.model,
    size: options.size,
    seconds: options.seconds,
  });
  while (['queued', 'in_progress', 'processing'].includes(video.status)) {
    if (options.pollMs > 0) await sleep(options.pollMs);
    video = await client.videos.retrieve(video.id);
  }
  if (video.status !== 'completed')
    throw new Error(`job ${video.id} ended with status ${video.status}`);
  for (const variant of options.variants) {
    const response = await client.videos.downloadContent(video.id, { variant });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!checkBytes(variant, bytes))
      throw new Error(`job ${video.id}: ${variant} has unexpected bytes (${bytes.length})`);
  }
  return video.id;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sdk_jobs: ${error.message}\n`);
    process.exit(2);
  }
  const client = new OpenAI({
    apiKey: process.env.OPENAI_API_KEY || 'test-key-not-secret',
    baseURL: options.baseURL,
    maxRetries: 2,
    timeout: 120_000,
  });

  // Runs `count` jobs, `concurrency` at a time; answers how many completed and the errors.
  const runJobs = async (count, first) => {
    let next = 0;
    let ok = 0;
    const errors = [];
    const worker = async () => {
      while (next < count) {
        const index = first + next++;
        try {
          await runJob(client, options, index);
          ++ok;
        } catch (error) {
          errors.push(String(error?.message ?? error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
    return { ok, errors };
  };

  if (options.warmup > 0) {
    const warm = await runJobs(options.warmup, 1_000_000);
    if (warm.ok !== options.warmup) {
      process.stderr.write(`sdk_jobs: warm-up failed: ${warm.errors.slice(0, 3).join('; ')}\n`);
      process.exit(1);
    }
    process.stdout.write('warm\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
    process.stdin.pause();
  }

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();

  const { ok, errors } = await runJobs(options.jobs, 0);

  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const result = {
    jobs: options.jobs,
    ok,
    failed: options.jobs - ok,
    wall_ms: Math.round(wallMs),
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    peak_rss_bytes: peakRss,
    errors: errors.slice(0, 5),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(ok === options.jobs ? 0 : 1);
}

main();
