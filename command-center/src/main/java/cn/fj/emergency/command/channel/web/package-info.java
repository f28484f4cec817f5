/**
 * HTTP routes of the broadcast channels: the open public CAP Atom feed, officers' delivery ledger and republish,
 * administrators' channel subscriptions (docs/http-api.md, docs/channels.md).
 */
@NullMarked
package cn.fj.emergency.command.channel.web;

import org.jspecify.annotations.NullMarked;
