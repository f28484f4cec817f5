package cn.fj.emergency.command.stream;

/** Told, after a transaction that appended events commits, the sequence number of its last event. */
public interface CommitListener {

	/** Must not block and must not fail: the commit has happened whatever a listener does. */
	void committed(long lastSeq);

}
