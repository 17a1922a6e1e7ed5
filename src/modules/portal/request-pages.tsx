/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { CSRF_FIELD } from '../../platform/http/csrf.js';
import { APPLICANT_TYPE_LABELS, DELIVERY_LABELS, FORM_LABELS, ID_TYPE_LABELS } from '../requests/enums.js';
import { Layout, type PageContext } from './layout.js';

type Values = Record<string, string>;

function Select({ id, label, options, values, required }: { id: string; label: string; options: Array<[string, string]>; values: Values; required?: boolean }) {
  return (
    <div class="field">
      <label for={id}>{label}{required && <span aria-hidden="true" class="req">*</span>}</label>
      <select id={id} name={id} required={required}>
        {options.map(([v, l]) => <option value={v} selected={values[id] === v}>{l}</option>)}
      </select>
    </div>
  );
}

function Text({ id, label, values, errors, required, type = 'text', hint, multiline }: { id: string; label: string; values: Values; errors: Values; required?: boolean; type?: string; hint?: string; multiline?: boolean }) {
  const describedBy = [hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors[id] ? 'field has-error' : 'field'}>
      <label for={id}>{label}{required && <span aria-hidden="true" class="req">*</span>}</label>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {errors[id] && <p id={`${id}-error`} class="error">{errors[id]}</p>}
      {multiline ? (
        <textarea id={id} name={id} rows={5} required={required} aria-invalid={errors[id] ? 'true' : undefined} aria-describedby={describedBy}>{values[id] ?? ''}</textarea>
      ) : (
        <input id={id} name={id} type={type} value={values[id] ?? ''} required={required} aria-invalid={errors[id] ? 'true' : undefined} aria-describedby={describedBy} />
      )}
    </div>
  );
}

/** 网上申请: a plain HTML form (works without JavaScript), validated again on the server. */
export function ApplyPage({ page, units, values, errors, challenge, formError }: { page: PageContext; units: Array<{ id: number; name: string }>; values: Values; errors: Values; challenge: { token: string; question: string }; formError?: string }) {
  return (
    <Layout page={page} title="政府信息公开申请" crumbs={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/request', label: '依申请公开' }, { label: '网上申请' }]}>
      <h1>政府信息公开申请</h1>
      <p>依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写下列内容。带 <span class="req">*</span> 的为必填项。您的证件号码、联系电话等个人信息仅用于办理本申请，加密保存，不会公开。</p>
      {formError && <p class="notice" role="alert">{formError}</p>}
      {Object.keys(errors).length > 0 && <p class="notice" role="alert">请修改标注的 {Object.keys(errors).length} 处内容后重新提交。</p>}
      <form method="post" action="/request/apply" class="apply-form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={page.csrfToken} />
        <input type="hidden" name="challengeToken" value={challenge.token} />
        <div class="hp" aria-hidden="true"><label for="website">请勿填写此项</label><input id="website" name="website" tabindex={-1} autocomplete="off" /></div>
        <fieldset>
          <legend>受理机关</legend>
          <Select id="unitId" label="向哪个机关申请" options={units.map((u) => [String(u.id), u.name])} values={values} required />
        </fieldset>
        <fieldset>
          <legend>申请人信息</legend>
          <Select id="applicantType" label="申请人类型" options={Object.entries(APPLICANT_TYPE_LABELS)} values={values} required />
          <Text id="applicantName" label="姓名或名称" values={values} errors={errors} required />
          <Select id="idType" label="证件类型" options={Object.entries(ID_TYPE_LABELS)} values={values} required />
          <Text id="idNumber" label="证件号码" values={values} errors={errors} required />
          <Text id="contactPerson" label="联系人（法人或其他组织填写）" values={values} errors={errors} />
          <Text id="phone" label="联系电话" type="tel" values={values} errors={errors} required />
          <Text id="email" label="电子邮箱" type="email" values={values} errors={errors} />
          <Text id="address" label="通信地址" values={values} errors={errors} hint="选择邮寄获取时必填" />
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <Text id="description" label="所需信息的名称或内容描述" values={values} errors={errors} required multiline hint="请尽量写明信息名称、文号、形成时间等便于查找的特征；无需说明用途。" />
          <Text id="docNo" label="文号（如知道）" values={values} errors={errors} />
          <Select id="preferredForm" label="获取信息的形式" options={Object.entries(FORM_LABELS)} values={values} required />
          <Select id="delivery" label="获取信息的方式" options={Object.entries(DELIVERY_LABELS)} values={values} required />
        </fieldset>
        <fieldset>
          <legend>验证</legend>
          <Text id="challengeAnswer" label={challenge.question} values={{}} errors={errors} required />
        </fieldset>
        <button type="submit" class="primary">提交申请</button>
      </form>
    </Layout>
  );
}

export function ReceiptPage({ page, code, unitName }: { page: PageContext; code: string; unitName: string }) {
  return (
    <Layout page={page} title="申请已提交" crumbs={[{ href: '/xxgk/request', label: '依申请公开' }, { label: '申请已提交' }]}>
      <h1>申请已提交</h1>
      <p>您向 {unitName} 提交的政府信息公开申请已收到。请记下查询码，凭查询码查询办理进度：</p>
      <p class="tracking-code" aria-label="查询码">{code}</p>
      <p>网上申请以受理机关确认收到之日为收到申请之日，答复期限自次日起计算 20 个工作日。</p>
      <p><a href={`/request/track?code=${code}`}>查询办理进度</a></p>
    </Layout>
  );
}

export interface TrackingView {
  code: string;
  result?: { trackingCode: string; unitName: string; statusLabel: string; submittedDate: string; receiptDate: string | null; due: string | null; events: Array<{ date: string; label: string; detail: string | null }> } | undefined;
  error?: string | undefined;
}

export function TrackPage({ page, view }: { page: PageContext; view: TrackingView }) {
  const r = view.result;
  return (
    <Layout page={page} title="申请办理进度查询" crumbs={[{ href: '/xxgk/request', label: '依申请公开' }, { label: '进度查询' }]}>
      <h1>申请办理进度查询</h1>
      <form class="search-form" method="get" action="/request/track">
        <label for="code">查询码</label>
        <input type="search" id="code" name="code" value={view.code} required />
        <button type="submit">查询</button>
      </form>
      {view.error && <p class="notice" role="alert">{view.error}</p>}
      {r && (
        <section aria-labelledby="track-title">
          <h2 id="track-title">{r.statusLabel}</h2>
          <table class="meta">
            <caption>申请 {r.trackingCode}</caption>
            <tbody>
              <tr><th scope="row">受理机关</th><td>{r.unitName}</td></tr>
              <tr><th scope="row">提交日期</th><td>{r.submittedDate}</td></tr>
              <tr><th scope="row">收到申请之日</th><td>{r.receiptDate ?? '待受理机关确认'}</td></tr>
              <tr><th scope="row">答复期限</th><td>{r.due ?? '暂未计算（待确认收到或待补正）'}</td></tr>
            </tbody>
          </table>
          <h3>办理过程</h3>
          <ol class="timeline">{r.events.map((e) => <li><time datetime={e.date}>{e.date}</time> {e.label}{e.detail ? `：${e.detail}` : ''}</li>)}</ol>
        </section>
      )}
    </Layout>
  );
}
