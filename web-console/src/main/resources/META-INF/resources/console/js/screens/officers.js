// Officers and service tokens (ADMIN): the officers (GET /api/admin/officers), registering one, disabling,
// enabling, resetting the password (set, or a one-time one shown once) and revoking an officer's tokens
// (POST /api/admin/officers/{username}/…); the service tokens (GET /api/admin/service-tokens), issuing one (shown
// once) and revoking it. Refusals are shown in the officer's language by their code (officers.error.* in i18n.js).
import { CITY_CODES } from '../i18n.js';

const OFFICER_ROLES = ['DUTY_OFFICER', 'COMMANDER', 'ADMIN'];
const SERVICE_ROLES = ['CITY_PLATFORM', 'DEPARTMENT', 'INTAKE_SYSTEM', 'CHANNEL_GATEWAY'];
const MAX_BYTES = 72;
const MIN_CHARS = 10;

let nextId = 0;
const uniqueId = prefix => `${prefix}-${++nextId}`;

/** Days of an ISO-8601 duration such as `PT17520H` or `P730D` (the hub's `maxValidFor`), or null. */
function durationDays(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso || ''));
  if (!m) return null;
  const hours = Number(m[1] || 0) * 24 + Number(m[2] || 0) + Number(m[3] || 0) / 60 + Number(m[4] || 0) / 3600;
  return Math.floor(hours / 24);
}

/**
 * The refusal in the officer's language, from its code and `field`: `officers.error.<context>.<CODE>.<field>`,
 * then `officers.error.<CODE>.<field>`, then `officers.error.<CODE>`, else a general message. The code itself is
 * never shown (it is kept in `data-code` of the element that shows the message).
 */
export function errorMessage(t, err, context) {
  const body = err && typeof err.body === 'object' && err.body ? err.body : {};
  const code = (err && err.code) || 'ERROR';
  const field = body.field;
  const vars = {
    maxBytes: body.maxBytes || MAX_BYTES, status: (err && err.status) || 0,
    maxDays: durationDays(body.maxValidFor) || 730,
  };
  const keys = [];
  if (context && field) keys.push(`officers.error.${context}.${code}.${field}`);
  if (context) keys.push(`officers.error.${context}.${code}`);
  if (field) keys.push(`officers.error.${code}.${field}`);
  keys.push(`officers.error.${code}`);
  for (const key of keys) {
    const text = t(key, vars);
    if (text !== key) return text;
  }
  return t('officers.error.other', vars);
}

export default {
  id: 'officers',
  titleKey: 'nav.officers',
  roles: ['ADMIN'],

  mount(el, ctx) {
    const { el: h, t } = ctx;
    let disposed = false;
    const dialogs = new Set();
    el.classList.add('officers');

    const showError = (target, err, context) => {
      if (!target) return;
      target.textContent = errorMessage(t, err, context);
      target.dataset.code = (err && err.code) || 'ERROR';
      target.hidden = false;
    };
    const clearError = target => {
      target.textContent = '';
      delete target.dataset.code;
      target.hidden = true;
    };
    const errorBox = testid => h('p', { class: 'officers-error', 'data-testid': testid, role: 'alert', hidden: true });
    const cityName = code => (code ? t('city.' + code) : t('officers.provinceWide'));
    const roleNames = roles => (roles || []).map(r => t('role.' + r)).join(', ');

    /** A labelled field: the control inside its label, and a hint tied to it by aria-describedby. */
    function field(labelText, control, hint) {
      const id = control.id || (control.id = uniqueId('officers-field'));
      const parts = [h('label', { for: id }, labelText), control];
      if (hint) {
        const hintId = uniqueId('officers-hint');
        control.setAttribute('aria-describedby', hintId);
        parts.push(h('small', { id: hintId, class: 'officers-hint' }, hint));
      }
      return h('div', { class: 'officers-field' }, ...parts);
    }

    function roleBoxes(roles, prefix) {
      const boxes = roles.map(r => h('input', { type: 'checkbox', value: r, 'data-testid': `${prefix}-role-${r}` }));
      const fieldset = h('fieldset', { class: 'officers-roles' }, h('legend', {}, t(prefix.startsWith('tokens') ? 'tokens.roles' : 'officers.roles')),
        ...boxes.map(b => h('label', { class: 'officers-check' }, b, ' ', t('role.' + b.value))));
      return { fieldset, chosen: () => boxes.filter(b => b.checked).map(b => b.value), reset: () => boxes.forEach(b => { b.checked = false; }) };
    }

    function citySelect(testid, noneLabel) {
      return h('select', { 'data-testid': testid },
        h('option', { value: '' }, noneLabel),
        ...CITY_CODES.map(c => h('option', { value: c }, t('city.' + c) + ' ' + c)));
    }

    /** A password input with the rules' hint and a live count of characters and UTF-8 bytes. */
    function passwordField(labelText, testid) {
      const input = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': testid, required: true });
      const count = h('small', { class: 'officers-count', 'data-testid': testid + '-count', 'aria-live': 'polite' });
      const update = () => {
        const chars = [...input.value].length;
        const bytes = new TextEncoder().encode(input.value).length;
        count.textContent = t('officers.password.count', { chars, bytes });
        count.classList.toggle('bad', input.value !== '' && (chars < MIN_CHARS || bytes > MAX_BYTES));
      };
      input.addEventListener('input', update);
      update();
      const node = field(labelText, input, t('officers.password.hint'));
      node.append(count);
      return { node, input, update };
    }

    // ------------------------------------------------------------ dialogs (<dialog>: modal, Escape closes)

    function openDialog(kind, title, ...content) {
      const titleId = uniqueId('officers-dialog-title');
      const dialog = h('dialog', { class: 'officers-dialog', 'data-testid': kind === 'secret' ? 'officers-secret' : 'officers-dialog',
        'data-kind': kind, 'aria-labelledby': titleId }, h('h3', { id: titleId }, title), ...content);
      dialog.addEventListener('close', () => { dialogs.delete(dialog); dialog.remove(); });
      dialogs.add(dialog);
      el.append(dialog);
      dialog.showModal();
      return dialog;
    }

    /** Asks to confirm; `run` answers a promise: done closes the dialog, a refusal is shown in it. */
    function confirmAction(kind, message, confirmLabel, run) {
      const error = errorBox('officers-dialog-error');
      const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'officers-dialog-cancel', autofocus: true },
        t('officers.cancel'));
      const ok = h('button', { type: 'button', class: 'danger', 'data-testid': 'officers-dialog-confirm' }, confirmLabel);
      const dialog = openDialog(kind, confirmLabel, h('p', { 'data-testid': 'officers-dialog-message' }, message), error,
        h('div', { class: 'officers-buttons' }, cancel, ok));
      cancel.addEventListener('click', () => dialog.close());
      ok.addEventListener('click', () => {
        ok.disabled = true;
        clearError(error);
        run().then(() => dialog.close(), err => { ok.disabled = false; showError(error, err); ok.focus(); });
      });
    }

    /** Shows a secret once (a one-time password, a service token): closing the dialog forgets it. */
    function showSecret(title, secret, expiresText) {
      const value = h('input', { type: 'text', readonly: true, value: secret, 'data-testid': 'officers-secret-value',
        class: 'officers-secret-value', spellcheck: 'false', autocomplete: 'off' });
      const copied = h('span', { 'aria-live': 'polite', 'data-testid': 'officers-secret-copied' });
      const copy = h('button', { type: 'button', 'data-testid': 'officers-secret-copy', 'on:click': () => {
        value.select();
        const done = () => { copied.textContent = t('officers.copied'); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(secret).then(done, () => { document.execCommand('copy'); done(); });
        } else {
          document.execCommand('copy');
          done();
        }
      } }, t('officers.copy'));
      const close = h('button', { type: 'button', class: 'secondary', 'data-testid': 'officers-secret-close' }, t('officers.close'));
      const dialog = openDialog('secret', title,
        h('p', { class: 'officers-once' }, t('officers.secret.once')),
        field(title, value),
        expiresText ? h('p', { 'data-testid': 'officers-secret-expires' }, expiresText) : null,
        h('div', { class: 'officers-buttons' }, copy, copied, close));
      close.addEventListener('click', () => dialog.close());
      value.focus();
      value.select();
    }

    // ------------------------------------------------------------ officers

    const officerBody = h('tbody', { 'data-testid': 'officers-rows' });
    const officerError = errorBox('officers-action-error');

    function officerRow(o) {
      const self = o.username === ctx.user.subject;
      const actionButton = (testid, labelKey, onClick, cls) => h('button', { type: 'button', 'data-testid': testid,
        class: cls || null, 'aria-label': t('officers.actionFor', { action: t(labelKey), username: o.username }),
        'on:click': onClick }, t(labelKey));
      const selfNote = self ? ' ' + t('officers.confirm.self') : '';
      const act = (path, doneKey, body) => () => ctx.api('POST', `/api/admin/officers/${encodeURIComponent(o.username)}/${path}`, body)
        .then(() => { ctx.toast(t(doneKey, { username: o.username }), 'success'); return loadOfficers(); });
      return h('tr', { 'data-testid': 'officers-row', 'data-username': o.username, 'data-enabled': String(o.enabled),
        'data-change-required': String(o.passwordChangeRequired), class: o.enabled ? null : 'disabled' },
        h('td', { 'data-testid': 'officers-username' }, o.username),
        h('td', {}, o.displayName || ''),
        h('td', { 'data-testid': 'officers-roles' }, roleNames(o.roles)),
        h('td', { 'data-testid': 'officers-city' }, cityName(o.cityCode)),
        h('td', { 'data-testid': 'officers-state' }, o.enabled ? t('officers.enabled') : t('officers.disabled'),
          o.passwordChangeRequired ? h('small', { class: 'officers-pending' }, ' · ' + t('officers.changePending')) : null),
        h('td', { class: 'officers-actions' },
          o.enabled
            ? actionButton('officers-disable', 'officers.disable', () => confirmAction('disable',
              t('officers.confirm.disable', { username: o.username }), t('officers.disable'),
              act('disable', 'officers.done.disable')), 'danger')
            : actionButton('officers-enable', 'officers.enable', () => confirmAction('enable',
              t('officers.confirm.enable', { username: o.username }), t('officers.enable'),
              act('enable', 'officers.done.enable'))),
          ' ',
          actionButton('officers-reset', 'officers.resetPassword', () => resetPassword(o, selfNote)),
          ' ',
          actionButton('officers-revoke', 'officers.revokeTokens', () => confirmAction('revoke-tokens',
            t('officers.confirm.revokeTokens', { username: o.username }) + selfNote, t('officers.revokeTokens'),
            act('revoke-tokens', 'officers.done.revokeTokens')), 'danger')));
    }

    function loadOfficers() {
      return ctx.api('GET', '/api/admin/officers').then(list => {
        if (disposed) return;
        clearError(officerError);
        officerBody.replaceChildren(...(list.length ? list.map(officerRow)
          : [h('tr', {}, h('td', { colspan: '6' }, t('officers.none')))]));
      }, err => showError(officerError, err));
    }

    function resetPassword(o, selfNote) {
      const name = uniqueId('officers-reset-mode');
      const generate = h('input', { type: 'radio', name, value: 'generate', checked: true, 'data-testid': 'officers-reset-generate' });
      const set = h('input', { type: 'radio', name, value: 'set', 'data-testid': 'officers-reset-set' });
      const password = passwordField(t('officers.reset.newPassword'), 'officers-reset-password');
      const changeRequired = h('input', { type: 'checkbox', 'data-testid': 'officers-reset-change-required' });
      const setPart = h('div', { class: 'officers-reset-set', hidden: true }, password.node,
        h('label', { class: 'officers-check' }, changeRequired, ' ', t('officers.reset.changeRequired')));
      const sync = () => {
        setPart.hidden = !set.checked;
        password.input.required = set.checked;
      };
      generate.addEventListener('change', sync);
      set.addEventListener('change', sync);
      const error = errorBox('officers-dialog-error');
      const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'officers-dialog-cancel' }, t('officers.cancel'));
      const submit = h('button', { type: 'submit', 'data-testid': 'officers-reset-submit' }, t('officers.reset.submit'));
      const form = h('form', { class: 'officers-form', novalidate: true },
        h('fieldset', {}, h('legend', {}, t('officers.reset.mode')),
          h('label', { class: 'officers-check' }, generate, ' ', t('officers.reset.generate')),
          h('label', { class: 'officers-check' }, set, ' ', t('officers.reset.set'))),
        setPart,
        h('p', {}, t('officers.reset.note') + selfNote),
        error,
        h('div', { class: 'officers-buttons' }, cancel, submit));
      const dialog = openDialog('reset-password', t('officers.reset.title', { username: o.username }), form);
      generate.focus();
      cancel.addEventListener('click', () => dialog.close());
      form.addEventListener('submit', e => {
        e.preventDefault();
        const body = set.checked ? { password: password.input.value, changeRequired: changeRequired.checked } : {};
        submit.disabled = true;
        clearError(error);
        ctx.api('POST', `/api/admin/officers/${encodeURIComponent(o.username)}/password`, body).then(reset => {
          dialog.close();
          ctx.toast(t('officers.done.password', { username: o.username }), 'success');
          if (reset && reset.oneTimePassword) {
            showSecret(t('officers.secret.otp', { username: o.username }), reset.oneTimePassword,
              reset.passwordExpiresAt ? t('officers.secret.expires', { time: ctx.fmtTime(reset.passwordExpiresAt) }) : null);
          }
          loadOfficers();
        }, err => { submit.disabled = false; showError(error, err); });
      });
    }

    // registering an officer
    const regUsername = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', required: true,
      'data-testid': 'officers-register-username' });
    const regDisplay = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'officers-register-display-name' });
    const regPassword = passwordField(t('officers.password'), 'officers-register-password');
    const regRoles = roleBoxes(OFFICER_ROLES, 'officers-register');
    const regCity = citySelect('officers-register-city', t('officers.provinceWide'));
    const regError = errorBox('officers-register-error');
    const regSubmit = h('button', { type: 'submit', 'data-testid': 'officers-register-submit' }, t('officers.submit'));
    const registerForm = h('form', { class: 'officers-form', 'data-testid': 'officers-register', novalidate: true, 'on:submit': e => {
      e.preventDefault();
      const body = { username: regUsername.value.trim(), password: regPassword.input.value, roles: regRoles.chosen(),
        cityCode: regCity.value || null };
      if (regDisplay.value.trim()) body.displayName = regDisplay.value.trim();
      regSubmit.disabled = true;
      clearError(regError);
      ctx.api('POST', '/api/admin/officers', body).then(o => {
        regSubmit.disabled = false;
        ctx.toast(t('officers.registered', { username: o.username }), 'success');
        registerForm.reset();
        regRoles.reset();
        regPassword.update();
        loadOfficers();
      }, err => { regSubmit.disabled = false; showError(regError, err, 'officer'); });
    } },
    h('fieldset', {}, h('legend', {}, t('officers.register')),
      h('div', { class: 'officers-row' },
        field(t('officers.username'), regUsername, t('officers.username.hint')),
        field(t('officers.displayName'), regDisplay),
        regPassword.node,
        field(t('officers.city'), regCity)),
      regRoles.fieldset,
      regError,
      h('div', { class: 'officers-buttons' }, regSubmit)));

    // ------------------------------------------------------------ service tokens

    const tokenBody = h('tbody', { 'data-testid': 'tokens-rows' });
    const tokenError = errorBox('tokens-action-error');

    function tokenRow(k) {
      const expired = !k.revokedAt && Date.parse(k.expiresAt) <= Date.now();
      const state = k.revokedAt ? 'revoked' : expired ? 'expired' : 'active';
      return h('tr', { 'data-testid': 'tokens-row', 'data-token-id': k.id, 'data-subject': k.subject, 'data-state': state,
        class: state === 'active' ? null : 'disabled' },
        h('td', {}, k.subject), h('td', {}, roleNames(k.roles)), h('td', {}, k.cityCode ? t('city.' + k.cityCode) : ''),
        h('td', {}, k.description || ''), h('td', {}, k.issuedBy), h('td', {}, ctx.fmtTime(k.issuedAt)),
        h('td', {}, ctx.fmtTime(k.expiresAt)),
        h('td', { 'data-testid': 'tokens-state' }, state === 'revoked' ? t('tokens.revoked', { time: ctx.fmtTime(k.revokedAt) })
          : t('tokens.' + state)),
        h('td', { class: 'officers-actions' }, state === 'revoked' ? null : h('button', { type: 'button', class: 'danger',
          'data-testid': 'tokens-revoke', 'aria-label': t('officers.actionFor', { action: t('tokens.revoke'), username: k.subject }),
          'on:click': () => confirmAction('revoke-token', t('tokens.confirm.revoke', { subject: k.subject }), t('tokens.revoke'),
            () => ctx.api('POST', `/api/admin/service-tokens/${encodeURIComponent(k.id)}/revoke`).then(() => {
              ctx.toast(t('tokens.done.revoke', { subject: k.subject }), 'success');
              return loadTokens();
            })) }, t('tokens.revoke'))));
    }

    function loadTokens() {
      return ctx.api('GET', '/api/admin/service-tokens').then(list => {
        if (disposed) return;
        clearError(tokenError);
        const newest = [...list].reverse();
        tokenBody.replaceChildren(...(newest.length ? newest.map(tokenRow)
          : [h('tr', {}, h('td', { colspan: '9' }, t('tokens.none')))]));
      }, err => showError(tokenError, err));
    }

    const tokSubject = h('input', { type: 'text', autocomplete: 'off', required: true, 'data-testid': 'tokens-issue-subject' });
    const tokRoles = roleBoxes(SERVICE_ROLES, 'tokens-issue');
    tokRoles.fieldset.append(h('small', { class: 'officers-hint' }, t('tokens.roles.hint')));
    const tokCity = citySelect('tokens-issue-city', t('tokens.city.none'));
    const tokDescription = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'tokens-issue-description' });
    const tokValid = h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', 'data-testid': 'tokens-issue-valid-for' });
    const tokUnit = h('select', { 'data-testid': 'tokens-issue-unit' },
      h('option', { value: 'D' }, t('tokens.unit.days')), h('option', { value: 'H' }, t('tokens.unit.hours')));
    const tokError = errorBox('tokens-issue-error');
    const tokSubmit = h('button', { type: 'submit', 'data-testid': 'tokens-issue-submit' }, t('tokens.submit'));
    const issueForm = h('form', { class: 'officers-form', 'data-testid': 'tokens-issue', novalidate: true, 'on:submit': e => {
      e.preventDefault();
      clearError(tokError);
      const body = { subject: tokSubject.value.trim(), roles: tokRoles.chosen(), cityCode: tokCity.value || null,
        description: tokDescription.value.trim() };
      const raw = tokValid.value.trim();
      if (raw) {
        if (!/^[1-9]\d*$/.test(raw)) {
          tokError.textContent = t('officers.error.local.validFor');
          tokError.hidden = false;
          tokValid.focus();
          return;
        }
        body.validFor = tokUnit.value === 'D' ? `P${raw}D` : `PT${raw}H`;
      }
      tokSubmit.disabled = true;
      ctx.api('POST', '/api/admin/service-tokens', body).then(issued => {
        tokSubmit.disabled = false;
        ctx.toast(t('tokens.done.issue', { subject: issued.subject }), 'success');
        issueForm.reset();
        tokRoles.reset();
        loadTokens();
        showSecret(t('officers.secret.token', { subject: issued.subject }), issued.token,
          t('officers.secret.expires', { time: ctx.fmtTime(issued.expiresAt) }));
      }, err => { tokSubmit.disabled = false; showError(tokError, err, 'token'); });
    } },
    h('fieldset', {}, h('legend', {}, t('tokens.issue')),
      h('div', { class: 'officers-row' },
        field(t('tokens.subject'), tokSubject),
        field(t('tokens.city'), tokCity),
        field(t('tokens.description'), tokDescription),
        field(t('tokens.validFor'), tokValid, t('tokens.validFor.hint')),
        field(t('tokens.unit'), tokUnit)),
      tokRoles.fieldset,
      tokError,
      h('div', { class: 'officers-buttons' }, tokSubmit)));

    const head = keys => h('thead', {}, h('tr', {}, ...keys.map(k => h('th', { scope: 'col' }, t(k)))));
    el.append(
      h('h2', {}, t('officers.title')),
      h('section', { class: 'officers-section', 'aria-labelledby': 'officers-list-title' },
        h('h3', { id: 'officers-list-title' }, t('officers.list')),
        officerError,
        h('table', { class: 'officers-table', 'data-testid': 'officers-table' },
          head(['officers.col.username', 'officers.col.displayName', 'officers.col.roles', 'officers.col.city',
            'officers.col.state', 'officers.col.actions']), officerBody),
        registerForm),
      h('section', { class: 'officers-section', 'aria-labelledby': 'tokens-list-title' },
        h('h3', { id: 'tokens-list-title' }, t('tokens.list')),
        tokenError,
        h('table', { class: 'officers-table', 'data-testid': 'tokens-table' },
          head(['tokens.col.subject', 'tokens.col.roles', 'tokens.col.city', 'tokens.col.description', 'tokens.col.issuedBy',
            'tokens.col.issuedAt', 'tokens.col.expiresAt', 'tokens.col.state', 'tokens.col.actions']), tokenBody),
        issueForm));

    loadOfficers();
    loadTokens();
    return () => {
      disposed = true;
      for (const d of [...dialogs]) d.close();
    };
  }
};
