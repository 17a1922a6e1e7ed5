import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, List, Modal, Radio, Row, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, formatTime, withQuery, type Me } from '../api';
import type { DocumentDto, FindingDto } from '../../../src/modules/documents/dto';
import {
  ART20_ITEMS, DISCLOSURE_LABELS, FIVE_PUBLIC_LABELS, GENRES, NORMATIVE_KIND_LABELS, GROUNDS_FOR, STATUS_LABELS, TOPICS, VALIDITY_LABELS, WITHHOLD_GROUND_LABELS,
  type Disclosure, type DocumentStatus,
} from '../../../src/modules/documents/enums';
import { navigate } from '../router';
import { RichTextEditor } from '../RichTextEditor';
import { buildTree, useUnits } from '../units';
import { usePagedList } from '../usePagedList';

const options = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));

const STATUS_STYLE: Record<DocumentStatus, React.CSSProperties> = {
  draft: { color: '#424242', background: '#eeeeee' },
  submitted: { color: '#0b3d91', background: '#e3ecfa' },
  approved: { color: '#5a3e00', background: '#fff4d6' },
  scheduled: { color: '#5a3e00', background: '#fff4d6' },
  published: { color: '#1b5e20', background: '#e8f5e9' },
  withdrawn: { color: '#8e1b1b', background: '#fdecea' },
};
const StatusTag = ({ status }: { status: DocumentStatus }) => <Tag style={{ ...STATUS_STYLE[status], borderColor: 'transparent' }}>{STATUS_LABELS[status]}</Tag>;

export function Findings({ findings }: { findings: FindingDto[] }) {
  if (!findings.length) return <Alert type="success" showIcon message="发布前检查未发现问题" />;
  const fieldLabel: Record<string, string> = { title: '标题', body: '正文', summary: '内容概述', keywords: '关键词', topic: '主题分类', genre: '体裁', art20_item: '第二十条事项' };
  return (
    <List
      size="small"
      bordered
      header={<strong>发布前检查：{findings.filter((f) => f.severity === 'block').length} 项须修改，{findings.filter((f) => f.severity === 'warn').length} 项提示</strong>}
      dataSource={findings}
      renderItem={(f) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space>
              <Tag style={f.severity === 'block' ? { color: '#8e1b1b', background: '#fdecea' } : { color: '#5a3e00', background: '#fff4d6' }}>{f.severity === 'block' ? '须修改' : '提示'}</Tag>
              <span>{fieldLabel[f.field] ?? f.field}{f.offset >= 0 ? `（第 ${f.offset + 1} 字）` : ''}：{f.message}</span>
            </Space>
            {f.excerpt && <Typography.Text code>{f.excerpt}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

type Attachment = NonNullable<DocumentDto['attachments']>[number];

/** 附件 of a draft: upload (type checked by the server) and remove. */
function Attachments({ doc, editable, onChange }: { doc: DocumentDto; editable: boolean; onChange: (items: Attachment[]) => void }) {
  const { message } = App.useApp();
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const csrf = document.cookie.match(/(?:^|;\s*)gk_csrf=([^;]+)/)?.[1] ?? '';
    const res = await fetch(`/api/v1/documents/${doc.id}/attachments`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
    const data = await res.json();
    if (!res.ok) return message.error(data.message ?? '上传失败');
    onChange(data.items);
    message.success('已上传');
  };
  const remove = async (id: number) => {
    try {
      onChange((await api<{ items: Attachment[] }>('DELETE', `/attachments/${id}`)).items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '删除失败');
    }
  };
  return (
    <Card title="附件" style={{ marginTop: 16 }} extra={editable && (
      <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', cursor: 'pointer' }}>
        上传附件
        <input type="file" aria-label="上传附件" accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif" style={{ display: 'none' }} onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
      </label>
    )}>
      {(doc.attachments ?? []).length === 0 ? <Typography.Text type="secondary">暂无附件（PDF、Word、Excel、图片，单个不超过 20 MB）</Typography.Text> : (
        <ol style={{ paddingLeft: 20, margin: 0 }}>
          {(doc.attachments ?? []).map((a) => (
            <li key={a.id}><a href={a.url} target="_blank" rel="noreferrer">{a.fileName}</a> {editable && <Button size="small" type="link" danger onClick={() => remove(a.id)}>删除</Button>}</li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function VersionHistory({ id }: { id: number }) {
  const [items, setItems] = useState<Array<{ version: number; title: string; changeNote: string | null; replacedAt: string }>>([]);
  useEffect(() => void api<{ items: typeof items }>('GET', `/documents/${id}/versions`).then((r) => setItems(r.items)), [id]);
  return (
    <Card title="修订历史" style={{ marginTop: 16 }}>
      {items.map((v) => <p key={v.version}>第 {v.version} 版《{v.title}》，{formatTime(v.replacedAt)} 被替换{v.changeNote ? `（当时的修订说明：${v.changeNote}）` : ''}</p>)}
    </Card>
  );
}

function DocumentEditor({ me, id }: { me: Me; id: number | null }) {
  const { message, modal } = App.useApp();
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [doc, setDoc] = useState<DocumentDto | null>(null);
  const [form] = Form.useForm();
  const disclosure = Form.useWatch('disclosure', form) as Disclosure | undefined;
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const [catalogueItems, setCatalogueItems] = useState<Array<{ value: string; label: string }>>([]);
  useEffect(() => {
    if (!unitId) return;
    // Items of the unit's current catalogue that this document may fulfil.
    void api<{ items: Array<{ itemKey: string; seq: number; level1: string; level2: string }> }>('GET', `/units/${unitId}/catalogue`)
      .then((c) => setCatalogueItems(c.items.map((i) => ({ value: i.itemKey, label: `${i.seq}. ${i.level1} / ${i.level2}` }))))
      .catch(() => setCatalogueItems([]));
  }, [unitId]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id === null) {
      form.setFieldsValue({ unitId: me.user.unitId, disclosure: 'proactive', validity: 'valid', writtenDate: new Date().toISOString().slice(0, 10) });
      return;
    }
    void api<DocumentDto>('GET', `/documents/${id}`).then((d) => {
      setDoc(d);
      form.setFieldsValue(d);
    }).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [id, form, me.user.unitId, message]);

  const run = async (fn: () => Promise<DocumentDto>, ok: string) => {
    setBusy(true);
    try {
      const d = await fn();
      setDoc(d);
      message.success(ok);
      return d;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      return null;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, bodyText: undefined };
    const d = await run(() => (doc ? api<DocumentDto>('PUT', `/documents/${doc.id}`, body) : api<DocumentDto>('POST', '/documents', body)), '已保存');
    if (d && !doc) navigate(`/admin/documents/${d.id}`);
  };

  const ask = (title: string, label: string, required: boolean, then: (text: string) => Promise<unknown>) => {
    let text = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label={label} placeholder={label} rows={3} onChange={(e) => (text = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (required && text.trim().length < 2) {
          message.error(`请填写${label}`);
          throw new Error('required');
        }
        await then(text.trim());
      },
    });
  };

  const status = doc?.status ?? 'draft';
  const editable = status === 'draft' && me.permissions.includes('document.edit');
  const mine = doc?.authorId === me.user.id;
  const canReview = me.permissions.includes('document.review') && !mine;
  const canPublish = me.permissions.includes('document.publish');
  const [publishAt, setPublishAt] = useState('');

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('/admin/documents')}>返回列表</Button>
        {doc && <StatusTag status={doc.status} />}
        {doc && <Typography.Text>索引号：{doc.indexNo}</Typography.Text>}
        {doc?.revisionOf && <a href={`/admin/documents/${doc.revisionOf}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/documents/${doc.revisionOf}`); }}>修订稿（第 {doc.version} 版），查看原文件</a>}
        {doc?.status === 'published' && <a href={`/xxgk/documents/${doc.id}`} target="_blank" rel="noreferrer">查看公开页面</a>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={doc ? '文件信息' : '起草文件'}>
            <Form name="document" form={form} layout="vertical" disabled={!editable && doc !== null}>
              <Form.Item label="发布机构（单位）" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
                <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
              </Form.Item>
              <Form.Item label="标题" name="title" rules={[{ required: true, min: 2, message: '请输入标题' }]}><Input /></Form.Item>
              <Row gutter={12}>
                <Col span={12}><Form.Item label="文号" name="docNo"><Input placeholder="如 明政办〔2020〕47号" /></Form.Item></Col>
                <Col span={12}><Form.Item label="成文日期" name="writtenDate" rules={[{ required: true, message: '请填写成文日期' }]}><Input type="date" /></Form.Item></Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}><Form.Item label="主题分类" name="topic"><Select allowClear showSearch optionFilterProp="label" options={TOPICS.map((t) => ({ value: t, label: t }))} /></Form.Item></Col>
                <Col span={12}><Form.Item label="体裁" name="genre"><Select allowClear options={GENRES.map((g) => ({ value: g, label: g }))} /></Form.Item></Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}><Form.Item label="条例第二十条事项" name="art20Item"><Select allowClear showSearch optionFilterProp="label" options={ART20_ITEMS.map((i) => ({ value: i.no, label: `${i.label}${i.title}` }))} /></Form.Item></Col>
                <Col span={12}><Form.Item label="五公开" name="fivePublic"><Select allowClear options={options(FIVE_PUBLIC_LABELS)} /></Form.Item></Col>
              </Row>
              <Form.Item label="落实的目录事项" name="catalogueItemKeys" extra="用于标准目录的公开时限监测">
                <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={catalogueItems} notFoundContent="该单位尚未发布标准目录" />
              </Form.Item>
              <Form.Item name="disclosureRule" valuePropName="checked"><Checkbox>列入“政府信息公开制度”栏目</Checkbox></Form.Item>
              <Form.Item label="规章 / 行政规范性文件" name="normativeKind" extra="计入年度报告表二“第二十条第（一）项”；其他文件不选"><Select allowClear options={options(NORMATIVE_KIND_LABELS)} /></Form.Item>
              <Form.Item label="关键词" name="keywords"><Input /></Form.Item>
              <Form.Item label="内容概述" name="summary"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item label="公开属性" name="disclosure" rules={[{ required: true }]}>
                <Radio.Group options={options(DISCLOSURE_LABELS)} />
              </Form.Item>
              {disclosure && disclosure !== 'proactive' && (
                <>
                  <Form.Item label="法定理由" name="withholdGround" rules={[{ required: true, message: '请选择法定理由' }]}>
                    <Select options={GROUNDS_FOR[disclosure].map((g) => ({ value: g, label: WITHHOLD_GROUND_LABELS[g] }))} />
                  </Form.Item>
                  <Form.Item label="具体理由" name="withholdReason" rules={[{ required: true, min: 4, message: '请说明具体理由（至少 4 个字）' }]}><Input.TextArea rows={2} /></Form.Item>
                </>
              )}
              <Row gutter={12}>
                <Col span={12}><Form.Item label="有效性" name="validity"><Select options={options(VALIDITY_LABELS)} /></Form.Item></Col>
                <Col span={12}><Form.Item label="失效/废止日期" name="validityDate"><Input type="date" /></Form.Item></Col>
              </Row>
              <Form.Item label="替代本文件的新文件（编号）" name="replacedById" extra="失效、废止或修订时填写，公开页面将提示并链接到新文件">
                <InputNumber min={1} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item label="正文" name="bodyHtml" rules={[{ required: true, message: '请输入正文' }]} extra="可直接粘贴 Word 中的内容；保存时自动清除不安全的格式和脚本">
                <RichTextEditor label="正文" disabled={!editable && doc !== null} />
              </Form.Item>
              {doc && doc.version > 1 && <Form.Item label="修订说明（向公众显示）" name="changeNote"><Input /></Form.Item>}
            </Form>
            <Space wrap>
              {(editable || !doc) && <Button type="primary" loading={busy} onClick={save}>保存</Button>}
              {doc && editable && <Button onClick={() => run(async () => ({ ...doc, findings: (await api<{ findings: FindingDto[] }>('GET', `/documents/${doc.id}/check`)).findings }), '检查完成')}>检查</Button>}
              {doc && editable && <Button onClick={() => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/submit`), '已提交审核')}>提交审核</Button>}
              {doc && status === 'submitted' && canReview && <Button type="primary" onClick={() => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/approve`, {}), '审核已通过')}>审核通过</Button>}
              {doc && ['submitted', 'approved', 'scheduled'].includes(status) && me.permissions.includes('document.review') && (
                <Button onClick={() => ask('退回修改', '退回意见', true, (note) => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/reject`, { note }), '已退回'))}>退回修改</Button>
              )}
              {doc && status === 'approved' && canPublish && (
                <>
                  <Button type="primary" onClick={() => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/publish`, {}), '已发布')}>立即发布</Button>
                  <Input type="datetime-local" aria-label="定时发布时间" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} style={{ width: 220 }} />
                  <Button disabled={!publishAt} onClick={() => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/publish`, { publishAt: `${publishAt}:00+08:00` }), '已设置定时发布')}>定时发布</Button>
                </>
              )}
              {doc && status === 'published' && me.permissions.includes('document.edit') && (
                <Button onClick={() => ask('修订', '修订说明（向公众显示）', true, async (changeNote) => {
                  const r = await run(() => api<DocumentDto>('POST', `/documents/${doc.id}/revise`, { changeNote }), '已生成修订稿');
                  if (r) navigate(`/admin/documents/${r.id}`);
                })}>修订</Button>
              )}
              {doc && ['published', 'scheduled'].includes(status) && canPublish && (
                <Button danger onClick={() => ask('撤回', '撤回原因', true, (reason) => run(() => api<DocumentDto>('POST', `/documents/${doc.id}/withdraw`, { reason }), '已撤回'))}>撤回</Button>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {doc && <Findings findings={doc.findings} />}
          {doc && <Attachments doc={doc} editable={editable} onChange={(attachments) => setDoc({ ...doc, attachments })} />}
          {doc && doc.reviews.length > 0 && (
            <Card title="审核记录" style={{ marginTop: 16 }}>
              {doc.reviews.map((r, i) => <p key={i}>{formatTime(r.at)} {r.reviewerName}：{r.decision === 'approve' ? '通过' : '退回'}{r.note ? `，${r.note}` : ''}</p>)}
            </Card>
          )}
          {doc && doc.version > 1 && !doc.revisionOf && <VersionHistory id={doc.id} />}
          {doc?.withdrawnReason && <Alert style={{ marginTop: 16 }} type="warning" message={`撤回原因：${doc.withdrawnReason}`} />}
        </Col>
      </Row>
    </>
  );
}

function DocumentList({ me }: { me: Me }) {
  const [filters, setFilters] = useState<{ status?: DocumentStatus; q?: string; page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc' }>({ page: 1, pageSize: 20 });
  const { data, loading } = usePagedList<DocumentDto>('/documents', filters);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: 160 }} options={options(STATUS_LABELS)} onChange={(status?: DocumentStatus) => setFilters((f) => ({ ...f, status, page: 1 }))} />
        <Input.Search aria-label="搜索文件" placeholder="标题、文号或索引号" allowClear onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))} style={{ width: 260 }} />
        <a href={withQuery('/api/v1/documents/export.csv', { status: filters.status, q: filters.q })}>导出 CSV</a>
        {me.permissions.includes('document.edit') && <Button type="primary" onClick={() => navigate('/admin/documents/new')}>起草文件</Button>}
        <Button onClick={() => navigate('/admin/documents/review')}>不公开信息年度审查</Button>
      </Space>
      <Table<DocumentDto>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 900 }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setFilters((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort: s?.order ? String(s.field) : undefined, order: s?.order === 'ascend' ? 'asc' : s?.order ? 'desc' : undefined }));
        }}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: data.total, showTotal: (t) => `共 ${t} 件`, showSizeChanger: true }}
        columns={[
          { title: '标题', dataIndex: 'title', sorter: true, render: (t: string, d) => <a href={`/admin/documents/${d.id}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/documents/${d.id}`); }}>{t}</a> },
          { title: '文号', dataIndex: 'docNo' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '状态', dataIndex: 'status', render: (s: DocumentStatus) => <StatusTag status={s} /> },
          { title: '公开属性', dataIndex: 'disclosure', render: (d: Disclosure) => DISCLOSURE_LABELS[d] },
          { title: '成文日期', dataIndex: 'writtenDate', sorter: true },
          { title: '更新时间', dataIndex: 'updatedAt', sorter: true, render: formatTime },
        ]}
      />
    </Card>
  );
}

interface ReviewRow {
  id: number; title: string; indexNo: string; disclosure: Disclosure; withholdReason: string | null; writtenDate: string;
  reviewed: { decision: 'keep' | 'open'; note: string | null; actorName: string; at: string } | null;
}

/** 不公开信息年度审查 (条例第十八条): every non-public document gets a decision each year. */
function NonPublicReview({ me }: { me: Me }) {
  const { message } = App.useApp();
  const [data, setData] = useState<{ year: number; items: ReviewRow[] }>({ year: 0, items: [] });
  const load = useMemo(() => () => void api<typeof data>('GET', `/units/${me.user.unitId}/nonpublic-review`).then(setData).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败')), [me.user.unitId, message]);
  useEffect(() => load(), [load]);
  const decide = async (id: number, decision: 'keep' | 'open') => {
    try {
      await api('POST', `/documents/${id}/reassess`, { decision });
      message.success(decision === 'open' ? '已转为主动公开' : '已记录：维持不公开');
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const canDecide = me.permissions.includes('document.review');
  return (
    <Card title={`${data.year || ''} 年度不公开信息审查（${me.user.unitName}）`}>
      <Button style={{ marginBottom: 12 }} onClick={() => navigate('/admin/documents')}>返回列表</Button>
      <Table<ReviewRow>
        rowKey="id"
        dataSource={data.items}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '公开属性', dataIndex: 'disclosure', render: (d: Disclosure) => DISCLOSURE_LABELS[d] },
          { title: '理由', dataIndex: 'withholdReason' },
          { title: '本年审查', render: (_, r) => (r.reviewed ? `${r.reviewed.decision === 'keep' ? '维持不公开' : '转为公开'}（${r.reviewed.actorName}，${formatTime(r.reviewed.at)}）` : '未审查') },
          ...(canDecide ? [{ title: '操作', key: 'ops', render: (_: unknown, r: ReviewRow) => (
            <Space>
              <Button size="small" onClick={() => decide(r.id, 'keep')}>维持不公开</Button>
              <Button size="small" type="primary" onClick={() => decide(r.id, 'open')}>转为主动公开</Button>
            </Space>
          ) }] : []),
        ]}
      />
    </Card>
  );
}

export default function DocumentsPage({ me, path }: { me: Me; path: string }) {
  const rest = path.replace(/^\/admin\/documents\/?/, '');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>政府信息（文件）</Typography.Title>
      {rest === '' ? <DocumentList me={me} /> : rest === 'review' ? <NonPublicReview me={me} /> : rest === 'new' ? <DocumentEditor key="new" me={me} id={null} /> : <DocumentEditor key={rest} me={me} id={Number(rest)} />}
    </>
  );
}
