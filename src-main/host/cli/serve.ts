/**
 * The browser host: `npm run serve -- [--port 4820] [--db PATH] [--demo] [--lan]`.
 * Serves the built UI and the contract over HTTP from the same host services the
 * desktop app uses, so members can join from a browser without installing anything.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseInUseError } from '../db/lock';
import { seedOwnersDemo } from '../demo/owners';
import { isDatabaseEmpty, seedDemo, seedFollowupDemo } from '../demo/seed';
import { defaultDatabasePath, defaultPort } from '../core/paths';
import { startHost, type StartedHost } from '../core/start-host';
import { lanAddresses } from '../areas/lan/lan';

const usage = `用法 / usage: npm run serve -- [--port 4820] [--db 数据库文件] [--demo] [--lan]
  --port  端口（默认 ${defaultPort}，0 表示任选空闲端口）
  --db    SQLite 数据库文件（默认与桌面版相同：${defaultDatabasePath()}）
  --demo  数据库为空时填入示例小区“平安小区”（含往次会议的表决、任务落实和住户评价）
  --demo-plain  同上，但不含往次会议的记录（测试用）
  --lan   一直允许局域网内其他电脑和手机访问（默认只允许本机；
          主持人为会议开放加入或开放议题征集时，才自动在局域网开放，关闭后收回）`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: String(defaultPort) },
        db: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'demo-plain': { type: 'boolean', default: false },
        lan: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口“${values.port}”无效。\n${usage}`);
  const databasePath = values.db ?? defaultDatabasePath();

  const webRoot = fileURLToPath(new URL('../../../out/web', import.meta.url));
  // Ended from here on (Ctrl+C, a service stop), the host closes the database and gives its lock back.
  // Registered before the database is opened: a signal without a listener ends the process at once.
  let started: StartedHost | undefined;
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    if (started) void started.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    started = await startHost({
      databasePath,
      host: 'browser',
      webRoot,
      port,
      lanAlways: values.lan,
      log: (message) => console.log(message),
      beforeServing: (host) => {
        if (host.damaged) {
          console.error(`${host.damaged.message}损坏的文件会保留，请在浏览器中打开下面的地址，从最近的备份恢复。`);
        } else if ((values.demo || values['demo-plain']) && host.host && isDatabaseEmpty(host.host.database)) {
          const now = new Date();
          seedDemo(host.host.database, now);
          // The past meetings as held (votes, tasks, ratings): the tasks and dashboard pages have something to show.
          if (!values['demo-plain']) {
            seedFollowupDemo(host.host.database, now);
            seedOwnersDemo(host.host.database);
          }
          console.log('已填入示例小区“平安小区”。 / Demo courtyard seeded.');
        }
      },
    });
  } catch (error) {
    if (error instanceof DatabaseInUseError) fail(error.message);
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') fail(`端口 ${port} 已被占用，请用 --port 换一个端口。`);
    // Only the server's listen fails with syscall 'listen'; everything before it is opening the database.
    if (syscall === 'listen') fail(`浏览器版无法启动：${(error as Error).message}`);
    fail(`无法打开数据库 ${databasePath}：${(error as Error).message}`);
  }
  if (stopping) {
    // Asked to stop while starting: nothing is printed, everything is closed again.
    await started.close();
    process.exit(0);
  }

  // The login address carries this run's key: it makes the browser that opens it (on this computer)
  // the chair. Printed once; the page drops the key from the address bar as it logs in.
  const loginUrl = new URL(started.host.chair.loginPath(), started.url).toString();
  console.log(`院落议事 浏览器版已启动。主持人请在本机浏览器中打开下面的登录地址（只在这里显示一次，请勿转发）：`);
  console.log(`Open this login address in a browser on this computer (shown only here; do not share it):`);
  console.log(`  ${loginUrl}`);
  console.log(`数据库 / Database: ${databasePath}`);
  if (values.lan) {
    for (const address of lanAddresses()) console.log(`局域网地址 / On the LAN: http://${address}:${started.server.port}/`);
  }
}

main().catch((error: unknown) => fail(`浏览器版出错：${(error as Error).message}`));
