import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { api, ApiError, formatTime, withQuery, type Me, type Role, type User } from '../api';
import { usePagedList } from '../usePagedList';
import { buildTree, useUnits } from '../units';

interface Filters {
  q?: string;
  unitId?: number;
  role?: Role;
  status?: 'active' | 'disabled' | 'locked';
  sort?: string;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Status colours with at least 4.5:1 text contrast (antd's preset tag colours fall short). */
const STATUS_STYLE = {
  active: { color: '#1b5e20', background: '#e8f5e9', borderColor: '#a5d6a7' },
  locked: { color: '#8e1b1b', background: '#fdecea', borderColor: '#f5b7b1' },
  disabled: { color: '#424242', background: '#eeeeee', borderColor: '#bdbdbd' },
};

const SORT_KEYS: Record<string, string> = { username: 'username', displayName: 'displayName', unitName: 'unit', lastLoginAt: 'lastLogin', createdAt: 'createdAt' };

export default function UsersPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [resetForm] = Form.useForm();
  const canManage = me.permissions.includes('user.manage');
  const query = { ...filters, includeSubunits: true };
  const { data, loading, reload: load } = usePagedList<User>('/users', query);

  const roleOptions = (roles: Role[]) => roles.map((r) => ({ value: r, label: me.roleLabels[r] }));

  const openEdit = (u: User | 'new') => {
    form.resetFields();
    if (u !== 'new') form.setFieldsValue({ displayName: u.displayName, email: u.email ?? '', unitId: u.unitId, roles: u.roles, disabled: u.disabled });
    else form.setFieldsValue({ unitId: filters.unitId ?? me.user.unitId, roles: ['editor'] });
    setEditing(u);
  };

  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await api('POST', '/users', v);
      else if (editing) await api('PATCH', `/users/${editing.id}`, v);
      message.success('已保存');
      setEditing(null);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const reset = async () => {
    const v = await resetForm.validateFields();
    try {
      await api('POST', `/users/${resetting!.id}/password`, { newPassword: v.newPassword });
      message.success('密码已重置，用户下次登录须修改密码');
      setResetting(null);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '重置失败');
    }
  };

  const unlock = async (u: User) => {
    try {
      await api('POST', `/users/${u.id}/unlock`);
      message.success('已解除锁定');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<User> | SorterResult<User>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? SORT_KEYS[String(s.field)] : undefined;
    setFilters((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort: field, order: s?.order === 'descend' ? 'desc' : s?.order ? 'asc' : undefined }));
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>用户管理</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <TreeSelect aria-label="单位" style={{ width: 280 }} treeData={tree} value={filters.unitId} allowClear placeholder="全部可见单位" showSearch treeNodeFilterProp="title"
            onChange={(unitId?: number) => setFilters((f) => ({ ...f, unitId, page: 1 }))} />
          <Input.Search aria-label="搜索用户" placeholder="用户名或姓名" allowClear onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))} style={{ width: 200 }} />
          <Select aria-label="角色" placeholder="全部角色" allowClear style={{ width: 160 }} options={roleOptions(Object.keys(me.roleLabels) as Role[])} onChange={(role?: Role) => setFilters((f) => ({ ...f, role, page: 1 }))} />
          <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: 120 }} options={[{ value: 'active', label: '正常' }, { value: 'locked', label: '锁定' }, { value: 'disabled', label: '停用' }]}
            onChange={(status?: Filters['status']) => setFilters((f) => ({ ...f, status, page: 1 }))} />
          <a href={withQuery('/api/v1/users/export.csv', { ...query, page: undefined, pageSize: undefined })}>导出 CSV</a>
          {canManage && <Button type="primary" onClick={() => openEdit('new')}>新建用户</Button>}
        </Space>
        <Table<User>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          onChange={onTableChange}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: data.total, showTotal: (t) => `共 ${t} 个用户`, showSizeChanger: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: '用户名', dataIndex: 'username', sorter: true },
            { title: '姓名', dataIndex: 'displayName', sorter: true },
            { title: '单位', dataIndex: 'unitName', sorter: true },
            { title: '角色', dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{me.roleLabels[r]}</Tag>) },
            { title: '状态', render: (_, u) => (u.disabled ? <Tag style={STATUS_STYLE.disabled}>停用</Tag> : u.locked ? <Tag style={STATUS_STYLE.locked}>锁定至 {formatTime(u.lockedUntil).slice(11)}</Tag> : <Tag style={STATUS_STYLE.active}>正常</Tag>) },
            { title: '最近登录', dataIndex: 'lastLoginAt', sorter: true, render: formatTime },
            ...(canManage ? [{
              title: '操作', key: 'ops', render: (_: unknown, u: User) => (
                <Space>
                  <Button size="small" onClick={() => openEdit(u)}>编辑</Button>
                  <Button size="small" onClick={() => { resetForm.resetFields(); setResetting(u); }}>重置密码</Button>
                  {u.locked && <Button size="small" onClick={() => unlock(u)}>解锁</Button>}
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? '新建用户' : `编辑用户：${editing ? editing.username : ''}`} onOk={save} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form name="userEdit" form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item label="用户名" name="username" rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '以小写字母开头，3–32 位小写字母、数字、点、下划线或连字符' }]}><Input autoComplete="off" /></Form.Item>
          )}
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}><Input /></Form.Item>
          <Form.Item label="工作邮箱" name="email" extra="用于依申请公开到期提醒（服务器配置了邮件发送时）" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select mode="multiple" options={roleOptions(me.assignableRoles)} />
          </Form.Item>
          {editing === 'new' ? (
            <Form.Item label="初始密码" name="password" extra="至少 10 位，含三类字符；用户首次登录须修改" rules={[{ required: true, min: 10, message: '至少 10 位' }]}><Input.Password autoComplete="new-password" /></Form.Item>
          ) : (
            <Form.Item label="停用账号" name="disabled" valuePropName="checked"><Switch /></Form.Item>
          )}
        </Form>
      </Modal>
      <Modal open={resetting !== null} title={`重置密码：${resetting?.username ?? ''}`} onOk={reset} onCancel={() => setResetting(null)} okText="重置" cancelText="取消" destroyOnHidden>
        <Form name="userReset" form={resetForm} layout="vertical">
          <Form.Item label="新密码" name="newPassword" extra="至少 10 位，含三类字符；用户下次登录须修改" rules={[{ required: true, min: 10, message: '至少 10 位' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
