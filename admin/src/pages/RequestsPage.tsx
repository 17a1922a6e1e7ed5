import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Timeline, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Me } from '../api';
import type { z } from 'zod';
import type { RequestDetail as RequestDetailSchema, RequestListItem as RequestListItemSchema } from '../../../src/modules/requests/dto';
import { OUTCOMES } from '../../../src/modules/requests/outcomes';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, DELIVERY_LABELS, FORM_LABELS, ID_TYPE_LABELS, REQUEST_STATUS_LABELS, type RequestStatus } from '../../../src/modules/requests/enums';
import { navigate } from '../router';
import { buildTree, useUnits } from '../units';
import { usePagedList } from '../usePagedList';

type Detail = z.infer<typeof RequestDetailSchema>;
type Item = z.infer<typeof RequestListItemSchema>;
const options = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function RequestList({ me }: { me: Me }) {
  const [filters, setFilters] = useState<{ status?: RequestStatus; overdue?: boolean; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const { data, loading } = usePagedList<Item>('/requests', filters);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: 200 }} options={options(REQUEST_STATUS_LABELS)} onChange={(status?: RequestStatus) => setFilters((f) => ({ ...f, status, page: 1 }))} />
        <Select aria-label="期限" placeholder="全部期限" allowClear style={{ width: 140 }} options={[{ value: 'overdue', label: '已超期' }]} onChange={(v?: string) => setFilters((f) => ({ ...f, overdue: v === 'overdue', page: 1 }))} />
        <a href={`/api/v1/requests/export.csv${filters.status ? `?status=${filters.status}` : ''}`}>导出 CSV</a>
        {me.permissions.includes('request.handle') && <Button type="primary" onClick={() => navigate('/admin/requests/new')}>登记申请</Button>}
      </Space>
      <Table<Item> rowKey="id" loading={loading} dataSource={data.items} scroll={{ x: 900 }}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: data.total, showTotal: (t) => `共 ${t} 件`, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        columns={[
          { title: '查询码', dataIndex: 'trackingCode', render: (c: string, r) => <a href={`/admin/requests/${r.id}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/requests/${r.id}`); }}>{c}</a> },
          { title: '受理机关', dataIndex: 'unitName' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '申请内容', dataIndex: 'description' },
          { title: '收到日期', dataIndex: 'receiptDate', render: (d: string | null) => d ?? '待确认' },
          { title: '答复期限', dataIndex: 'due', render: (d: string | null) => (d ? (d < today() ? <Tag style={{ color: '#8e1b1b', background: '#fdecea' }}>{d} 已超期</Tag> : d) : '—') },
          { title: '状态', dataIndex: 'statusLabel' },
        ]} />
    </Card>
  );
}

function RequestView({ me, id }: { me: Me; id: number }) {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [dialog, setDialog] = useState<null | 'confirm' | 'supplement' | 'supplement-received' | 'consult' | 'consult-end' | 'extend' | 'notes' | 'reply' | 'deliver' | 'archive' | 'publication'>(null);
  const [form] = Form.useForm();
  const replyOutcome = Form.useWatch('outcome', form) as string | undefined;
  useEffect(() => void api<Detail>('GET', `/requests/${id}`).then(setDetail).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败')), [id, message]);
  if (!detail) return null;
  const act = async () => {
    const v = await form.validateFields();
    try {
      setDetail(await api<Detail>('POST', `/requests/${id}/${dialog}`, v));
      setDialog(null);
      message.success('已记录');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const open = (d: NonNullable<typeof dialog>) => {
    form.resetFields();
    form.setFieldsValue({ date: today(), kind: 'third_party', workdays: 20 });
    setDialog(d);
  };
  const openPublication = () => {
    form.resetFields();
    const p = detail.publication;
    form.setFieldsValue(p ? { title: p.title, summary: p.summary, fileIds: p.fileIds } : { fileIds: detail.files.filter((f) => f.purpose === 'released').map((f) => f.id) });
    setDialog('publication');
  };
  const withdraw = async () => {
    try {
      setDetail(await api<Detail>('DELETE', `/requests/${id}/publication`));
      message.success('已撤下');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  const s = detail.status;
  const handle = me.permissions.includes('request.handle') && detail.personalDataVisible;
  const titles: Record<NonNullable<typeof dialog>, string> = {
    confirm: '确认收到申请', supplement: '发出补正通知', 'supplement-received': '登记收到补正材料', consult: '征求意见', 'consult-end': '征求意见结束', extend: '延长答复期限', notes: '办理备注',
    reply: '作出答复', deliver: '登记送达', archive: '归档', publication: '选登答复（公开版本）',
  };
  const outcome = OUTCOMES.find((o) => o.code === replyOutcome);
  return (
    <>
      <Space style={{ marginBottom: 12 }}><Button onClick={() => navigate('/admin/requests')}>返回列表</Button><Typography.Text strong>{detail.trackingCode}</Typography.Text><Tag>{detail.statusLabel}</Tag></Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="申请">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="受理机关">{detail.unitName}</Descriptions.Item>
              <Descriptions.Item label="申请人">{detail.applicantName}（{APPLICANT_TYPE_LABELS[detail.applicantType]}）</Descriptions.Item>
              <Descriptions.Item label={ID_TYPE_LABELS[detail.idType]}>{detail.idNumber}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{detail.phone}</Descriptions.Item>
              {detail.email && <Descriptions.Item label="电子邮箱">{detail.email}</Descriptions.Item>}
              {detail.address && <Descriptions.Item label="通信地址">{detail.address}</Descriptions.Item>}
              <Descriptions.Item label="所需信息">{detail.description}</Descriptions.Item>
              {detail.docNo && <Descriptions.Item label="文号">{detail.docNo}</Descriptions.Item>}
              <Descriptions.Item label="形式 / 方式">{FORM_LABELS[detail.preferredForm as keyof typeof FORM_LABELS]} / {DELIVERY_LABELS[detail.delivery as keyof typeof DELIVERY_LABELS]}</Descriptions.Item>
              <Descriptions.Item label="渠道">{CHANNEL_LABELS[detail.channel]}，{detail.submittedDate} 提交</Descriptions.Item>
            </Descriptions>
            {detail.erasedAt && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`已过保存期限，申请人个人信息、申请内容和内部材料已于 ${detail.erasedAt.slice(0, 10)} 删除；办理结果和日期保留用于统计。`} />}
            {!detail.personalDataVisible && <Alert type="info" showIcon message="个人信息已遮蔽：仅承办人员可见完整内容。" />}
            {handle && (
              <Space wrap style={{ marginTop: 12 }}>
                {s === 'awaiting_confirmation' && <Button type="primary" onClick={() => open('confirm')}>确认收到</Button>}
                {s === 'processing' && <Button onClick={() => open('supplement')}>补正通知</Button>}
                {s === 'supplement' && <Button onClick={() => open('supplement-received')}>收到补正</Button>}
                {s === 'processing' && <Button onClick={() => open('consult')}>征求意见</Button>}
                {s === 'consulting' && <Button onClick={() => open('consult-end')}>征求意见结束</Button>}
                {['processing', 'consulting'].includes(s) && me.permissions.includes('request.extend') && <Button onClick={() => open('extend')}>延期</Button>}
                {['processing', 'consulting', 'supplement'].includes(s) && detail.receiptDate && <Button type="primary" onClick={() => open('reply')}>作出答复</Button>}
                {s === 'replied' && <Button onClick={() => open('deliver')}>登记送达</Button>}
                {s === 'delivered' && <Button onClick={() => open('archive')}>归档</Button>}
                {s !== 'archived' && <Button onClick={() => open('notes')}>备注</Button>}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {detail.reply && (
            <Card title="答复" style={{ marginBottom: 16 }}>
              <p>{detail.reply.referenceNo}，{detail.reply.date}：{OUTCOMES.find((o) => o.code === detail.reply!.outcome)?.group}（{OUTCOMES.find((o) => o.code === detail.reply!.outcome)?.label}）</p>
              <Space><a href={`/api/v1/requests/${detail.id}/reply.pdf`}>下载答复书（PDF）</a><a href={`/api/v1/requests/${detail.id}/reply.docx`}>下载答复书（Word）</a></Space>
              {handle && OUTCOMES.find((o) => o.code === detail.reply!.outcome)?.provides && (
                <div style={{ marginTop: 12 }}>
                  {detail.publication && !detail.publication.withdrawn
                    ? <Space wrap><span>已选登：<a href={detail.publication.url} target="_blank" rel="noreferrer">{detail.publication.title}</a></span><Button size="small" onClick={openPublication}>修改选登</Button><Button size="small" danger onClick={() => void withdraw()}>撤下</Button></Space>
                    : <Button onClick={openPublication}>选登到“依申请公开答复选登”</Button>}
                </div>
              )}
            </Card>
          )}
          <Card title={`答复期限：${detail.due ?? '暂未计算'}`}>
            {detail.calendarMissing && <Alert type="error" showIcon message={detail.calendarMissing} style={{ marginBottom: 8 }} />}
            <ol style={{ paddingLeft: 20 }}>{detail.explanation.map((l, i) => <li key={i}>{l}</li>)}</ol>
          </Card>
          {handle && (
            <Card title="办理材料" style={{ marginTop: 16 }}>
              <ul style={{ paddingLeft: 20 }}>{detail.files.map((f) => <li key={f.id}><a href={f.url}>{f.fileName}</a>（{f.purpose === 'released' ? '随答复提供' : '内部材料'}）</li>)}</ul>
              <Space wrap>
                {(['released', 'internal'] as const).map((purpose) => (
                  <label key={purpose} className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', cursor: 'pointer' }}>
                    {purpose === 'released' ? '上传随答复提供的信息' : '上传内部材料'}
                    <input type="file" aria-label={purpose === 'released' ? '上传随答复提供的信息' : '上传内部材料'} style={{ display: 'none' }} onChange={(e) => {
                      const file = e.target.files?.[0];
                      e.target.value = '';
                      if (!file) return;
                      const form = new FormData();
                      form.append('file', file, file.name);
                      const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)gk_csrf=([^;]+)/)?.[1] ?? '');
                      void fetch(`/api/v1/requests/${id}/files?purpose=${purpose}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf } })
                        .then(async (res) => {
                          const data = await res.json();
                          if (!res.ok) return message.error(data.message ?? '上传失败');
                          setDetail({ ...detail, files: data.items });
                          message.success('已上传');
                        });
                    }} />
                  </label>
                ))}
              </Space>
            </Card>
          )}
          <Card title="办理过程" style={{ marginTop: 16 }}>
            <Timeline items={detail.events.map((e) => ({ children: <>{e.date} {e.label}（{e.actorName}）{e.data.items ? `：${String(e.data.items)}` : ''}{e.data.text ? `：${String(e.data.text)}` : ''}</> }))} />
          </Card>
        </Col>
      </Row>
      <Modal open={dialog !== null} title={dialog ? titles[dialog] : ''} onOk={act} onCancel={() => setDialog(null)} okText="确定" cancelText="取消" destroyOnHidden>
        <Form name="requestStep" form={form} layout="vertical">
          {dialog !== 'notes' && dialog !== 'publication' && <Form.Item label="日期" name="date" rules={[{ required: true }]}><Input type="date" /></Form.Item>}
          {dialog === 'supplement' && <>
            <Form.Item label="补正期限" name="deadline" rules={[{ required: true, message: '请填写补正期限' }]}><Input type="date" /></Form.Item>
            <Form.Item label="需补正的内容（一次性列明）" name="items" rules={[{ required: true, min: 4, message: '请列明需补正的内容' }]}><Input.TextArea rows={3} /></Form.Item>
          </>}
          {dialog === 'consult' && <>
            <Form.Item label="征求对象" name="party" rules={[{ required: true, min: 2, message: '请填写第三方或机关名称' }]}><Input /></Form.Item>
            <Form.Item label="类型" name="kind"><Select options={[{ value: 'third_party', label: '第三方（条例第三十二条）' }, { value: 'agency', label: '其他机关（条例第三十四条）' }]} /></Form.Item>
          </>}
          {dialog === 'consult-end' && <Form.Item label="意见" name="result" rules={[{ required: true, min: 2, message: '请填写意见' }]}><Input.TextArea rows={2} /></Form.Item>}
          {dialog === 'extend' && <>
            <Form.Item label="延长工作日数" name="workdays" rules={[{ required: true }]}><InputNumber min={1} max={20} /></Form.Item>
            <Form.Item label="延期理由" name="reason" rules={[{ required: true, min: 4, message: '请填写延期理由' }]}><Input.TextArea rows={2} /></Form.Item>
          </>}
          {dialog === 'reply' && <>
            <Form.Item label="答复类型（计入年度报告）" name="outcome" rules={[{ required: true, message: '请选择答复类型' }]}>
              <Select showSearch optionFilterProp="label" options={OUTCOMES.map((o) => ({ value: o.code, label: `${o.group}：${o.label}` }))} />
            </Form.Item>
            {outcome && <Alert type="info" style={{ marginBottom: 12 }} message={outcome.decision} description={`依据：${outcome.article}`} />}
            <Form.Item label="理由" name="reasons" rules={[{ required: outcome ? ['不予公开', '部分公开'].includes(outcome.group) : false, message: '不予公开、部分公开须写明理由' }]}><Input.TextArea rows={2} /></Form.Item>
            {outcome?.provides && <Form.Item label="提供方式和时间" name="provision"><Input.TextArea rows={2} placeholder="如：相关信息以电子邮件方式于答复同日发送至您预留的邮箱。" /></Form.Item>}
            {outcome?.code === 'unavailable_not_held' && <Form.Item label="负责公开的机关（如知道）" name="competentBody"><Input /></Form.Item>}
          </>}
          {dialog === 'deliver' && <>
            <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择送达方式' }]}><Select options={[{ value: 'in_person', label: '当面送达（签收）' }, { value: 'post', label: '邮寄送达' }, { value: 'email', label: '电子邮件送达' }, { value: 'online', label: '网上送达' }]} /></Form.Item>
            <Form.Item label="说明（签收人、邮件号等）" name="detail"><Input /></Form.Item>
          </>}
          {dialog === 'publication' && <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="公开版本由您撰写：不得写入申请人姓名、证件号码、电话、地址等个人信息，系统会检查。" />
            <Form.Item label="标题" name="title" rules={[{ required: true, min: 4, message: '标题至少 4 个字' }]}><Input placeholder="如：关于2025年学区划分方案的答复" /></Form.Item>
            <Form.Item label="摘要（申请事项和答复结果）" name="summary" rules={[{ required: true, min: 10, message: '摘要至少 10 个字' }]}><Input.TextArea rows={4} /></Form.Item>
            <Form.Item label="公开下载的文件" name="fileIds"><Checkbox.Group options={detail.files.filter((f) => f.purpose === 'released').map((f) => ({ value: f.id, label: f.fileName }))} /></Form.Item>
          </>}
          {dialog === 'notes' && <Form.Item label="备注" name="text" rules={[{ required: true, message: '请填写备注' }]}><Input.TextArea rows={3} /></Form.Item>}
        </Form>
      </Modal>
    </>
  );
}

function Register({ me }: { me: Me }) {
  const { message } = App.useApp();
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [form] = Form.useForm();
  const channel = Form.useWatch('channel', form);
  const submit = async () => {
    const v = await form.validateFields();
    const { channel: ch, submittedDate, signedDate, confirmedDate, ...application } = v;
    try {
      const d = await api<Detail>('POST', '/requests', { application, channel: ch, submittedDate, signedDate, confirmedDate });
      message.success(`已登记，查询码 ${d.trackingCode}`);
      navigate(`/admin/requests/${d.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  };
  return (
    <Card title="登记申请" style={{ maxWidth: 760 }}>
      <Form name="registerRequest" form={form} layout="vertical" initialValues={{ unitId: me.user.unitId, channel: 'in_person', submittedDate: today(), applicantType: 'natural_person', idType: 'resident_id', preferredForm: 'paper', delivery: 'pickup' }}>
        <Form.Item label="受理机关" name="unitId" rules={[{ required: true }]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="渠道" name="channel"><Select options={options(CHANNEL_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item label="递交/收到日期" name="submittedDate" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
        </Row>
        {channel === 'post_signed' && <Form.Item label="签收日期" name="signedDate" rules={[{ required: true, message: '请填写签收日期' }]}><Input type="date" /></Form.Item>}
        {['post_ordinary', 'online', 'fax'].includes(channel) && <Form.Item label="双方确认日期（如已确认）" name="confirmedDate"><Input type="date" /></Form.Item>}
        <Row gutter={12}>
          <Col span={12}><Form.Item label="申请人类型" name="applicantType"><Select options={options(APPLICANT_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item label="姓名或名称" name="applicantName" rules={[{ required: true, min: 2, message: '请填写' }]}><Input /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="证件类型" name="idType"><Select options={options(ID_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item label="证件号码" name="idNumber" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="联系人（组织填写）" name="contactPerson"><Input /></Form.Item></Col>
        </Row>
        <Form.Item label="通信地址" name="address"><Input /></Form.Item>
        <Form.Item label="所需信息" name="description" rules={[{ required: true, min: 5, message: '至少 5 个字' }]}><Input.TextArea rows={3} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="获取形式" name="preferredForm"><Select options={options(FORM_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item label="获取方式" name="delivery"><Select options={options(DELIVERY_LABELS)} /></Form.Item></Col>
        </Row>
        <Button type="primary" onClick={submit}>登记</Button>
      </Form>
    </Card>
  );
}

export default function RequestsPage({ me, path }: { me: Me; path: string }) {
  const rest = path.replace(/^\/admin\/requests\/?/, '');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>依申请公开</Typography.Title>
      {rest === '' ? <RequestList me={me} /> : rest === 'new' ? <Register me={me} /> : <RequestView key={rest} me={me} id={Number(rest)} />}
    </>
  );
}
