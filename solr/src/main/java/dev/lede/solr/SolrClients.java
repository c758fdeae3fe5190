package dev.lede.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;

/** Builds SolrJ cloud clients from the one string a user gives: Solr URLs or a ZooKeeper address. */
public final class SolrClients {
  private SolrClients() {}

  /**
   * A cloud client for {@code zkOrUrl}: {@code http(s)://...} URLs (comma-separated) are asked for
   * the cluster state over HTTP; anything else is read as a ZooKeeper connect string with an
   * optional chroot ({@code host:2181,host2:2181/solr}).
   */
  public static CloudSolrClient cloud(String zkOrUrl) {
    if (zkOrUrl == null || zkOrUrl.isBlank()) {
      throw new IllegalArgumentException("no Solr address: give http://host:8983/solr or a ZooKeeper host:port");
    }
    String s = zkOrUrl.strip();
    if (s.startsWith("http://") || s.startsWith("https://")) {
      List<String> urls = Arrays.stream(s.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
      return new CloudHttp2SolrClient.Builder(urls).build();
    }
    int slash = s.indexOf('/');
    String hosts = slash < 0 ? s : s.substring(0, slash);
    Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(s.substring(slash));
    return new CloudHttp2SolrClient.Builder(Arrays.stream(hosts.split(",")).map(String::strip).toList(), chroot).build();
  }
}
