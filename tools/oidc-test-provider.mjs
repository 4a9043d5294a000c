// A real OpenID provider for the single sign-on tests: panva's certified `oidc-provider`
// (from tools/package-lock.json), started by a pytest fixture as a subprocess on 127.0.0.1.
//
// Configuration comes as JSON in FLEKSI_OIDC_TEST_CONFIG:
//   {"port": 8140, "clients": [{client_id, client_secret, redirect_uris,
//    post_logout_redirect_uris}], "accounts": {"<login>": {"nip": "...", "name": "..."}}}
// A login of digits only is an account whose `nip` claim is that login.
//
// The sign-in page takes a login (any password) and a "second factor used" box: with it the
// ID token's `amr` says ["pwd", "otp"] and `acr` "2" (Keycloak's level of assurance), without
// it ["pwd"] and "1". Consent is given at once. PKCE is required of every client, so a
// relying party that forgets it fails. Prints "ready <issuer>" once it listens.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const conf = JSON.parse(process.env.FLEKSI_OIDC_TEST_CONFIG);
const issuer = `http://127.0.0.1:${conf.port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `test-${Date.now()}`, use: 'sig', alg: 'RS256' };
const accountFor = (id) => conf.accounts[id] ?? (/^\d{8,20}$/.test(id) ? { nip: id } : undefined);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const provider = new Provider(issuer, {
  clients: conf.clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: ['fleksi-test-provider-only'] },
  // Like Keycloak: the ID token always says how the person signed in (acr, amr).
  claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], profile: ['name'], nip: ['nip'], amr: null },
  acrValues: ['1', '2'],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = `<!doctype html><html><body>${form}
          <button type="submit" form="op.logoutForm" value="yes" name="logout">Keluar</button>
          </body></html>`;
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = '<!doctype html><html><body><p>Signed out</p></body></html>';
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = accountFor(id);
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...account };
      },
    };
  },
});

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (req.method === 'POST' && prompt.name === 'login') {
    const form = await readForm(req);
    const login = form.get('login') || '';
    if (!accountFor(login)) {
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end(`<!doctype html><p id="error">unknown login ${esc(login)}</p>`);
      return;
    }
    const strong = form.get('otp') === 'on';
    await provider.interactionFinished(req, res, {
      login: { accountId: login, amr: strong ? ['pwd', 'otp'] : ['pwd'], acr: strong ? '2' : '1' },
    }, { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>
    <body><h1>Test identity provider</h1>
    <form method="post" action="/interaction/${esc(uid)}">
      <label>Login <input id="login" name="login" autocomplete="off"></label>
      <label>Password <input id="password" name="password" type="password"></label>
      <label><input id="otp" name="otp" type="checkbox"> second factor used</label>
      <button id="submit" type="submit">Sign in</button>
    </form></body></html>`);
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err && err.stack));
    });
    return;
  }
  callback(req, res);
});
server.listen(conf.port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
