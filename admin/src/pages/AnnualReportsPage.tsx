import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Me } from '../api';
import { navigate } from '../router';
import { buildTree, useUnits } from '../units';
import type { ReportDto } from '../../../src/modules/annual-reports/dto';
import { SECTIONS, TABLE2_2019_SIZE, TABLE2_SIZE, table2FromNumbers } from '../../../src/modules/annual-reports/format';
import { anyTable2Grid, table3Grid, table4Grid, type Grid, type GridCell } from '../../../src/modules/annual-reports/grid';
import { parsePastedNumbers, parsePastedRows } from '../../../src/modules/annual-reports/paste';
import { APPLICANT_TYPE_LABELS } from '../../../src/modules/requests/enums';
import DashboardTab from './ReportDashboard';

interface ListItem { id: number; year: number; unitName: string; title: string; status: ReportDto['status']; statusLabel: string; deadline: string; updatedAt: string; publishedAt: string | null }
interface Figures { unitId: number; unitName: string; licensing: number; penalty: number; enforcement: number; fees: number; updatedBy: string | null }
interface Sources { kind: 'requests' | 'documents' | 'none'; requests: Array<{ id: number; trackingCode: string; unitName: string; applicantType: keyof typeof APPLICANT_TYPE_LABELS; receiptDate: string; replyDate: string | null }>; documents: Array<{ id: number; title: string; docNo: string | null; writtenDate: string }> }

const STATUS_COLOR: Record<ReportDto['status'], string> = { draft: 'default', submitted: 'gold', published: 'green' };
const lastYear = new Date().getFullYear() - 1;

/** A report table from its grid, with the failing cells marked and computed numbers opening their sources. */
function ReportGrid({ grid, table, bad, onOpen, label }: { grid: Grid; table: 2 | 3 | 4; bad: Set<string>; onOpen?: ((key: string) => void) | undefined; label: string }) {
  const cell = (c: GridCell, i: number) => {
    const span = { colSpan: c.colSpan, rowSpan: c.rowSpan };
    if (c.kind !== 'num') return <th key={i} {...span} scope={c.kind === 'rowhead' ? 'row' : 'col'} style={{ border: '1px solid #999', padding: '4px 6px', background: '#fafafa', fontWeight: c.kind === 'rowhead' ? 400 : 600, textAlign: c.kind === 'rowhead' ? 'left' : 'center' }}>{c.text}</th>;
    const isBad = !!c.key && bad.has(c.key);
    return (
      <td key={i} {...span} style={{ border: '1px solid #999', padding: '4px 6px', textAlign: 'right', background: isBad ? '#fde2e0' : undefined, fontWeight: isBad ? 700 : 400 }}>
        {onOpen && c.value ? <a href="#" onClick={(e) => { e.preventDefault(); onOpen(`${table}:${c.key}`); }}>{c.text}</a> : c.text}
      </td>
    );
  };
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', margin: '8px 0 16px' }}>
      <table style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: 640 }}>
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{label}</caption>
        {grid.head.length > 0 && <thead>{grid.head.map((r, i) => <tr key={i}>{r.map(cell)}</tr>)}</thead>}
        <tbody>{grid.body.map((r, i) => <tr key={i}>{r.map(cell)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function ReportView({ me, id }: { me: Me; id: number }) {
  const { message } = App.useApp();
  const [report, setReport] = useState<ReportDto | null>(null);
  const [texts, setTexts] = useState({ section1: '', section5: '', section6: '' });
  const [sources, setSources] = useState<(Sources & { key: string }) | null>(null);
  const [paste, setPaste] = useState({ table2: '', table3: '', table4: '' });
  const show = useCallback((r: ReportDto) => {
    setReport(r);
    setTexts({ section1: r.section1, section5: r.section5, section6: r.section6 });
  }, []);
  useEffect(() => void api<ReportDto>('GET', `/annual-reports/${id}`).then(show).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败')), [id, show, message]);
  if (!report) return null;

  const act = async (method: string, path: string, body?: unknown, ok = '已保存') => {
    try {
      show(await api<ReportDto>(method, `/annual-reports/${id}${path}`, body));
      message.success(ok);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const open = async (key: string) => {
    try {
      setSources({ key, ...(await api<Sources>('GET', `/annual-reports/${id}/cells`, undefined, { key })) });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '无法查看');
    }
  };
  const savePasted = () => {
    const table3 = parsePastedRows(paste.table3, 7);
    const table4 = paste.table4.trim() ? parsePastedNumbers(paste.table4, 15) : report.tables.table4;
    const legacy = Array.isArray(report.tables.table2);
    const t2 = paste.table2.trim() ? parsePastedNumbers(paste.table2, legacy ? TABLE2_2019_SIZE : TABLE2_SIZE) : null;
    if (paste.table2.trim() && !t2) return message.error(`表二应为 ${legacy ? TABLE2_2019_SIZE : TABLE2_SIZE} 个数字`);
    const table2 = t2 ? (legacy ? t2 : table2FromNumbers(t2)) : report.tables.table2;
    if (table3.length !== report.tables.table3.length || !table4) return message.error(`表三应粘贴 ${report.tables.table3.length} 行、每行 7 个数字；表四应为 15 个数字`);
    void act('PATCH', '', { entered: { table2, table3, table4 } });
  };
  const editable = report.status !== 'published' && me.permissions.includes('document.edit');
  const bad = (table: 3 | 4) => new Set(report.violations.filter((v) => v.table === table).map((v) => `${v.row}:${v.column}`));
  const openCell = report.source === 'computed' ? open : undefined;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('/admin/reports')}>返回列表</Button>
        <Typography.Text strong>{report.title}</Typography.Text>
        <Tag color={STATUS_COLOR[report.status]}>{report.statusLabel}</Tag>
        <Tag>{report.source === 'computed' ? '数据实时计算' : report.source === 'entered' ? '手工填写' : '发布时数据'}</Tag>
        <span>法定公开期限：{report.deadline}</span>
      </Space>
      {report.violations.length > 0
        ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`勾稽关系检查：${report.violations.length} 处不符，修正前不能提交或发布`} description={<ol style={{ margin: 0, paddingLeft: 20 }}>{report.violations.map((v, i) => <li key={i}>{v.message}</li>)}</ol>} />
        : <Alert type="success" showIcon style={{ marginBottom: 12 }} message="勾稽关系检查：各项数字相符" />}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {editable && <Button type="primary" onClick={() => void act('PATCH', '', texts)}>保存文字</Button>}
          {report.status === 'draft' && editable && <Button onClick={() => void act('POST', '/submit', undefined, '已提交审核')}>提交审核</Button>}
          {report.status === 'submitted' && me.permissions.includes('document.publish') && <Button type="primary" onClick={() => void act('POST', '/publish', undefined, '已发布')}>审核发布</Button>}
          {report.status !== 'draft' && me.permissions.includes('document.publish') && <Button danger onClick={() => void act('POST', '/withdraw', undefined, '已撤回为草稿')}>撤回</Button>}
          {editable && report.source === 'computed' && <Button onClick={() => void act('PATCH', '', { entered: { table2: report.tables.table2, table3: report.tables.table3, table4: report.tables.table4 } }, '已改为手工填写')}>改为手工填写表格</Button>}
          {editable && report.source === 'entered' && report.format === '2021' && <Button onClick={() => void act('PATCH', '', { entered: null }, '已改为系统计算')}>改为系统计算</Button>}
          <a href={`/api/v1/annual-reports/${id}/report.docx`}>导出 Word</a>
          <a href={`/api/v1/annual-reports/${id}/report.pdf`}>导出 PDF</a>
          {report.status === 'published' && <a href={`/xxgk/reports/${id}`} target="_blank" rel="noreferrer">查看公开页面</a>}
        </Space>
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label="汇总范围">{report.scope.map((s) => s.name).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {SECTIONS.map((s) => (
        <Card key={s.no} title={`${s.no}、${s.title}`} style={{ marginBottom: 16 }}
          extra={s.kind === 'text' && editable && report.previousSections ? <Button size="small" onClick={() => {
            const key = `section${s.no === '一' ? 1 : s.no === '五' ? 5 : 6}` as 'section1' | 'section5' | 'section6';
            setTexts({ ...texts, [key]: report.previousSections![key] });
          }}>沿用上年文字</Button> : null}>
          {s.kind === 'text' && (() => {
            const key = `section${s.no === '一' ? 1 : s.no === '五' ? 5 : 6}` as 'section1' | 'section5' | 'section6';
            return <Input.TextArea aria-label={`${s.no}、${s.title}`} rows={6} value={texts[key]} disabled={!editable} onChange={(e) => setTexts({ ...texts, [key]: e.target.value })} />;
          })()}
          {s.kind === 'table2' && <ReportGrid grid={anyTable2Grid(report.tables.table2)} table={2} bad={new Set()} onOpen={openCell} label="表二 主动公开政府信息情况" />}
          {s.kind === 'table3' && <ReportGrid grid={table3Grid(report.tables.table3, report.format)} table={3} bad={bad(3)} onOpen={openCell} label="表三 收到和处理政府信息公开申请情况" />}
          {s.kind === 'table4' && <ReportGrid grid={table4Grid(report.tables.table4)} table={4} bad={bad(4)} onOpen={openCell} label="表四 政府信息公开行政复议、行政诉讼情况" />}
          {s.kind === 'table3' && report.source === 'entered' && editable && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea aria-label="粘贴表二" rows={2} placeholder={`表二的 ${Array.isArray(report.tables.table2) ? TABLE2_2019_SIZE : TABLE2_SIZE} 个数字，按表中顺序（可不填）`} value={paste.table2} onChange={(e) => setPaste({ ...paste, table2: e.target.value })} />
              <Input.TextArea aria-label="粘贴表三" rows={6} placeholder={`从原报告中复制表三（${report.tables.table3.length} 行，每行 7 个数字）粘贴到这里`} value={paste.table3} onChange={(e) => setPaste({ ...paste, table3: e.target.value })} />
              <Input.TextArea aria-label="粘贴表四" rows={2} placeholder="表四的 15 个数字（可不填）" value={paste.table4} onChange={(e) => setPaste({ ...paste, table4: e.target.value })} />
              <Button onClick={savePasted}>保存粘贴的表格</Button>
            </Space>
          )}
        </Card>
      ))}
      {report.breakdown.length > 0 && (
        <Card title="分单位情况（表三）" style={{ marginBottom: 16 }}>
          <Table rowKey="unitId" size="small" pagination={false} dataSource={report.breakdown}
            columns={[{ title: '单位', dataIndex: 'unitName' }, { title: '本年新收', dataIndex: 'received', sorter: (a, b) => a.received - b.received }, { title: '上年结转', dataIndex: 'carried' }, { title: '本年办结', dataIndex: 'handled', sorter: (a, b) => a.handled - b.handled }, { title: '结转下年', dataIndex: 'carriedForward' }]} />
        </Card>
      )}
      <Modal open={!!sources} title={`数字来源（${sources?.key ?? ''}）`} footer={null} onCancel={() => setSources(null)} width={760}>
        {sources?.kind === 'documents'
          ? <Table rowKey="id" size="small" dataSource={sources.documents} columns={[{ title: '标题', dataIndex: 'title', render: (t: string, d) => <a href={`/admin/documents/${d.id}`}>{t}</a> }, { title: '文号', dataIndex: 'docNo' }, { title: '成文日期', dataIndex: 'writtenDate' }]} />
          : <Table rowKey="id" size="small" dataSource={sources?.requests ?? []} columns={[{ title: '查询码', dataIndex: 'trackingCode', render: (t: string, r) => <a href={`/admin/requests/${r.id}`}>{t}</a> }, { title: '单位', dataIndex: 'unitName' }, { title: '申请人类型', dataIndex: 'applicantType', render: (t: keyof typeof APPLICANT_TYPE_LABELS) => APPLICANT_TYPE_LABELS[t] }, { title: '收到日期', dataIndex: 'receiptDate' }, { title: '答复日期', dataIndex: 'replyDate' }]} />}
      </Modal>
    </>
  );
}

function ReportList({ me }: { me: Me }) {
  const { message } = App.useApp();
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [filters, setFilters] = useState<{ year?: number; status?: string }>({});
  const [items, setItems] = useState<ListItem[]>([]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const scopeMode = Form.useWatch('scopeMode', form);
  useEffect(() => void api<{ items: ListItem[] }>('GET', '/annual-reports', undefined, filters).then((r) => setItems(r.items)), [filters]);

  const create = async () => {
    const v = await form.validateFields();
    const root = units.find((u) => u.id === v.unitId);
    const below = root ? units.filter((u) => u.id === root.id || u.parentId === root.id).map((u) => u.id) : [v.unitId];
    const scope = v.scopeMode === 'self' ? [v.unitId] : v.scopeMode === 'children' ? below : [v.unitId, ...(v.scope ?? []).filter((x: number) => x !== v.unitId)];
    try {
      const r = await api<ReportDto>('POST', '/annual-reports', { unitId: v.unitId, year: v.year, format: v.format, scope });
      setCreating(false);
      navigate(`/admin/reports/${r.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '生成失败');
    }
  };
  const csv = ['年度', '单位', '状态', '法定期限', '发布时间'].join(',') + '\n' + items.map((i) => [i.year, i.unitName, i.statusLabel, i.deadline, i.publishedAt ?? ''].join(',')).join('\n');
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="rep-year">年度</label>
        <InputNumber id="rep-year" min={2008} max={2100} value={filters.year} onChange={(y) => setFilters({ ...filters, year: y ?? undefined })} placeholder="全部" />
        <label htmlFor="rep-status">状态</label>
        <Select id="rep-status" allowClear style={{ width: 120 }} placeholder="全部" value={filters.status} onChange={(s) => setFilters({ ...filters, status: s })} options={[{ value: 'draft', label: '草稿' }, { value: 'submitted', label: '待审核' }, { value: 'published', label: '已发布' }]} />
        {me.permissions.includes('document.edit') && <Button type="primary" onClick={() => { form.resetFields(); form.setFieldsValue({ unitId: me.user.unitId, year: lastYear, format: '2021', scopeMode: 'self' }); setCreating(true); }}>生成年度报告</Button>}
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + csv)}`} download="年度报告列表.csv">导出 CSV</a>
      </Space>
      <Table<ListItem> rowKey="id" dataSource={items} pagination={{ pageSize: 20 }}
        columns={[
          { title: '报告', dataIndex: 'title', render: (t: string, r) => <a href={`/admin/reports/${r.id}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/reports/${r.id}`); }}>{t}</a> },
          { title: '年度', dataIndex: 'year', sorter: (a, b) => a.year - b.year },
          { title: '状态', dataIndex: 'statusLabel', render: (t: string, r) => <Tag color={STATUS_COLOR[r.status]}>{t}</Tag> },
          { title: '法定期限', dataIndex: 'deadline', sorter: (a, b) => a.deadline.localeCompare(b.deadline) },
        ]} />
      <Modal open={creating} title="生成年度报告" onOk={create} onCancel={() => setCreating(false)} okText="生成" cancelText="取消" destroyOnHidden>
        <Form name="newReport" form={form} layout="vertical">
          <Form.Item label="单位" name="unitId" rules={[{ required: true }]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2008} max={2100} /></Form.Item>
          <Form.Item label="格式" name="format"><Radio.Group options={[{ value: '2021', label: '2021 年格式' }, { value: '2019', label: '2019 年试行格式（2019、2020 年度，手工填写）' }]} /></Form.Item>
          <Form.Item label="汇总范围" name="scopeMode" extra="政府报告可汇总本级政府办公室、所属部门和下级单位的数据">
            <Radio.Group options={[{ value: 'self', label: '仅本单位' }, { value: 'children', label: '本单位及直属单位' }, { value: 'custom', label: '自选单位' }]} />
          </Form.Item>
          {scopeMode === 'custom' && <Form.Item label="汇总的单位" name="scope"><TreeSelect multiple treeCheckable treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>}
        </Form>
      </Modal>
    </Card>
  );
}

function FiguresTab({ me }: { me: Me }) {
  const { message } = App.useApp();
  const [year, setYear] = useState(lastYear);
  const [rows, setRows] = useState<Figures[]>([]);
  const [editing, setEditing] = useState<Figures | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(async () => setRows((await api<{ items: Figures[] }>('GET', '/annual-figures', undefined, { year })).items), [year]);
  useEffect(() => void load().catch(() => undefined), [load]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      setRows((await api<{ items: Figures[] }>('PUT', `/annual-figures/${editing!.unitId}?year=${year}`, v)).items);
      setEditing(null);
      message.success('已保存');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  const importCsv = async (file: File) => {
    const res = await fetch(`/api/v1/annual-figures/import?year=${year}`, { method: 'POST', body: await file.text(), credentials: 'same-origin', headers: { 'content-type': 'text/csv', 'x-csrf-token': decodeURIComponent(document.cookie.match(/(?:^|;\s*)gk_csrf=([^;]+)/)?.[1] ?? '') } });
    const data = await res.json();
    if (!res.ok) return message.error(data.message);
    setRows(data.items);
    message.success(`已导入 ${data.imported} 个单位`);
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">表二中行政许可、行政处罚、行政强制的处理决定数量和行政事业性收费金额来自其他业务系统，由各单位填报或批量导入；规章和行政规范性文件件数由系统按已发布文件统计。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="fig-year">年度</label>
        <InputNumber id="fig-year" min={2008} max={2100} value={year} onChange={(y) => y && setYear(y)} />
        {me.permissions.includes('document.edit') && (
          <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', cursor: 'pointer' }}>
            导入 CSV<input type="file" accept=".csv,text/csv" aria-label="导入 CSV" style={{ display: 'none' }} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importCsv(f); }} />
          </label>
        )}
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF单位名称,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n' + rows.map((r) => [r.unitName, r.licensing, r.penalty, r.enforcement, r.fees].join(',')).join('\n'))}`} download={`${year}年表二填报数据.csv`}>导出 CSV（可作导入模板）</a>
      </Space>
      <Table<Figures> rowKey="unitId" size="small" dataSource={rows} pagination={{ pageSize: 20 }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '行政许可', dataIndex: 'licensing', sorter: (a, b) => a.licensing - b.licensing },
          { title: '行政处罚', dataIndex: 'penalty', sorter: (a, b) => a.penalty - b.penalty },
          { title: '行政强制', dataIndex: 'enforcement' },
          { title: '收费（万元）', dataIndex: 'fees', sorter: (a, b) => a.fees - b.fees },
          { title: '填报人', dataIndex: 'updatedBy' },
          { title: '操作', key: 'op', render: (_: unknown, r) => <Button size="small" onClick={() => { form.setFieldsValue(r); setEditing(r); }}>填报</Button> },
        ]} />
      <Modal open={!!editing} title={`填报：${editing?.unitName ?? ''}（${year} 年）`} onOk={save} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form name="figures" form={form} layout="vertical">
          <Form.Item label="行政许可处理决定数量" name="licensing" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
          <Form.Item label="行政处罚处理决定数量" name="penalty" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
          <Form.Item label="行政强制处理决定数量" name="enforcement" rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
          <Form.Item label="行政事业性收费金额（万元）" name="fees" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export default function AnnualReportsPage({ me, path }: { me: Me; path: string }) {
  const rest = path.replace(/^\/admin\/reports\/?/, '');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>政府信息公开年度报告</Typography.Title>
      {rest && /^\d+$/.test(rest)
        ? <ReportView key={rest} me={me} id={Number(rest)} />
        : <Tabs items={[
          { key: 'reports', label: '年度报告', children: <ReportList me={me} /> },
          { key: 'figures', label: '表二填报数据', children: <FiguresTab me={me} /> },
          ...(me.permissions.includes('request.read') ? [{ key: 'dashboard', label: '依申请公开统计', children: <DashboardTab /> }] : []),
        ]} />}
    </>
  );
}
