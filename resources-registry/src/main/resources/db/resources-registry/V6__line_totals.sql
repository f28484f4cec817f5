-- What each request line has committed and delivered, kept with every commitment and step in its transaction, so
-- that a commitment checks the remaining need and answers it without reading the request's earlier commitments.
-- committed: the quantities of the line's commitments that meet the need (every status but RELEASED and EXPIRED);
-- delivered: those DELIVERED or RETURNED.
alter table supply_request_line
    add column committed bigint not null default 0 check (committed >= 0),
    add column delivered bigint not null default 0 check (delivered >= 0);

update supply_request_line l
set committed = s.committed, delivered = s.delivered
from (select request_id, line_no,
             coalesce(sum(quantity) filter (where status not in ('RELEASED', 'EXPIRED')), 0) as committed,
             coalesce(sum(quantity) filter (where status in ('DELIVERED', 'RETURNED')), 0) as delivered
      from supply_commitment group by request_id, line_no) s
where s.request_id = l.request_id and s.line_no = l.line_no;
