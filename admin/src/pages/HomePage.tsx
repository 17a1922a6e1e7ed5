import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { navigate } from '../router';
import { formatTime, type Me } from '../api';

interface Due { id: number; trackingCode: string; unitName: string; due: string | null; statusLabel: string; description: string }

/** 到期提醒: cases overdue or due within five days, for those who see requests. */
function Reminders() {
  const [overdue, setOverdue] = useState<Due[]>([]);
  const [soon, setSoon] = useState<Due[]>([]);
  useEffect(() => {
    void api<{ items: Due[] }>('GET', '/requests', undefined, { overdue: 'true', pageSize: 50 }).then((r) => setOverdue(r.items));
    void api<{ items: Due[] }>('GET', '/requests', undefined, { dueWithinDays: 5, pageSize: 50 }).then((r) => setSoon(r.items));
  }, []);
  const item = (r: Due) => (
    <List.Item><a href={`/admin/requests/${r.id}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/requests/${r.id}`); }}>{r.trackingCode}</a>　{r.unitName}　答复期限 {r.due}　{r.description}</List.Item>
  );
  return (
    <Card title="依申请公开到期提醒" style={{ marginTop: 16 }}>
      <List size="small" header={<strong>已超期（{overdue.length}）</strong>} dataSource={overdue} renderItem={item} locale={{ emptyText: '无' }} />
      <List size="small" header={<strong>5 日内到期（{soon.length}）</strong>} dataSource={soon} renderItem={item} locale={{ emptyText: '无' }} />
    </Card>
  );
}

export default function HomePage({ me }: { me: Me }) {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>工作台</Typography.Title>
      <Card>
        <Descriptions column={1} title="当前账号">
          <Descriptions.Item label="姓名">{me.user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{me.user.username}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{me.user.unitName}</Descriptions.Item>
          <Descriptions.Item label="角色">{me.user.roles.map((r) => <Tag key={r}>{me.roleLabels[r]}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label="本次登录">{formatTime(me.user.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {me.permissions.includes('request.read') && <Reminders />}
    </>
  );
}
